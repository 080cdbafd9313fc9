package lowrot.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code run}, {@code margins}, {@code validate}, {@code bench}, {@code bench-margins},
 * {@code sweep}, {@code merge}, {@code complexity} and {@code compare}. Exit codes: 0 success, 1 failure, 2 bad usage or
 * invalid input.
 */
@Command(
        name = "lowrot",
        mixinStandardHelpOptions = true,
        version = lowrot.Version.NAME,
        description = "Train two-layer ReLU networks in low-rotation regimes and write their figures.",
        subcommands = {
            RunCommand.class,
            MarginsCommand.class,
            ValidateCommand.class,
            BenchCommand.class,
            BenchMarginsCommand.class,
            SweepCommand.class,
            MergeCommand.class,
            ComplexityCommand.class,
            CompareCommand.class,
            ClaimsCommand.class,
            AnimateCommand.class
        })
public final class Cli implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int INVALID = 2;

    private static volatile boolean processMain;

    /** Marks this JVM as one the launcher started for the command line (so a run may take over SIGINT/SIGTERM). */
    public static void markProcessMain() {
        processMain = true;
    }

    static boolean processMain() {
        return processMain;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            return FAILURE;
        });
        return cl.execute(args);
    }
}
