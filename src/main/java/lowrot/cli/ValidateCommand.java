package lowrot.cli;

import java.util.concurrent.Callable;
import lowrot.io.LabConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code validate}: reports every problem of a config, one line each. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a configuration file and report every problem, one line each.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() {
        LabConfig c = config.load(spec.commandLine().getErr());
        if (c == null) {
            return Cli.INVALID;
        }
        spec.commandLine().getOut().println(config.file + ": valid");
        return Cli.OK;
    }
}
