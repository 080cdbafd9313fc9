package lowrot.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run in-process for tests: the exit code and what it printed to stdout and stderr. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new CliRun(code, o.toString(), e.toString());
    }
}
