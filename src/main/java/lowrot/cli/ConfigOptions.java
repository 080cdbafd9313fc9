package lowrot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lowrot.io.ConfigException;
import lowrot.io.ConfigJson;
import lowrot.io.LabConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The config file and its {@code --set} overrides, shared by the commands that take a config. */
final class ConfigOptions {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "CONFIG.json",
            description = "Configuration file (see docs/config.md).")
    Path file;

    @Option(
            names = "--set",
            paramLabel = "path=value",
            description = "Override a field by its dotted path, e.g. --set network.width=256 (repeatable).")
    List<String> overrides = new ArrayList<>();

    /** The validated config, or null after printing every problem to {@code err}. */
    LabConfig load(PrintWriter err) {
        if (file == null) {
            err.println("invalid: a CONFIG.json is needed (see docs/config.md)");
            return null;
        }
        try {
            LabConfig c = ConfigJson.read(file);
            List<String> problems = new ArrayList<>();
            for (String o : overrides) {
                try {
                    c = ConfigJson.override(c, o);
                } catch (ConfigException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            ConfigJson.validated(c);
            String memory = lowrot.run.MemoryGuard.check(c.run());
            if (memory != null) {
                throw new ConfigException(memory);
            }
            return c;
        } catch (ConfigException e) {
            for (String p : e.problems()) {
                err.println("invalid: " + p);
            }
            return null;
        }
    }
}
