package lowrot;

import java.util.Set;
import lowrot.app.LowrotApp;
import lowrot.cli.Cli;

/**
 * Entry point of the jar: with a subcommand ({@code run}, {@code margins}, …) it is the command
 * line; otherwise it opens the window, passing on a config file and {@code --play} if given. It
 * does not extend Application, so a plain class-path jar can start JavaFX.
 */
public final class Launcher {
    private static final Set<String> COMMANDS = Set.of("run", "margins", "validate", "bench", "bench-margins", "sweep", "complexity", "compare",
            "-h", "--help", "-V", "--version", "help");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(Cli.run(args));
        }
        LowrotApp.main(args);
    }
}
