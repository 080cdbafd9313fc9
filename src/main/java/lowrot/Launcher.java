package lowrot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import lowrot.app.LowrotApp;
import lowrot.cli.Cli;
import lowrot.cli.SignalRelay;
import lowrot.core.step.Engine;

/**
 * Entry point of the jar: with a subcommand ({@code run}, {@code margins}, …) it is the command line;
 * with nothing, a config file or window options ({@code --play}, …) it opens the window. Any other first
 * word goes to the command line, which names it and suggests the nearest subcommand. Without a display
 * it says so in one line instead of a JavaFX stack trace. It does not extend Application, so a plain
 * class-path jar can start JavaFX. A JVM started without the vector module starts once more with it
 * ({@link VectorRelaunch}), so every entry point trains on the vector engine.
 */
public final class Launcher {
    private static final Set<String> COMMANDS = Set.of(
            "run",
            "margins",
            "validate",
            "bench",
            "bench-margins",
            "sweep",
            "complexity",
            "merge",
            "claims",
            "animate",
            "compare",
            "-h",
            "--help",
            "-V",
            "--version",
            "help");

    /** Subcommands that train networks: they say so when the vector engine is off. */
    private static final Set<String> TRAINING =
            Set.of("run", "bench", "sweep", "complexity", "claims", "animate", "compare");

    /** Where a command line goes. */
    enum Route {
        /** The command line (a subcommand, or a word picocli will name as unknown). */
        CLI,
        /** The window. */
        WINDOW,
        /** The window was asked for, but there is no display to open it on. */
        NO_DISPLAY,
        /** A config file was named that is not there. */
        NO_FILE
    }

    private Launcher() {}

    /**
     * Where {@code args} go, given the environment and which paths exist: a subcommand or an unknown word
     * (neither an option nor an existing file) → CLI; else the window, if a display (X11 or Wayland, or
     * JavaFX's headless Monocle platform) is there.
     */
    static Route route(String[] args, Function<String, String> env, Predicate<String> exists) {
        if (args.length > 0
                && !COMMANDS.contains(args[0])
                && !args[0].startsWith("-")
                && !exists.test(args[0])
                && (args[0].endsWith(".json") || args[0].contains("/"))) {
            return Route.NO_FILE;
        }
        if (args.length > 0 && (COMMANDS.contains(args[0]) || !args[0].startsWith("-") && !exists.test(args[0]))) {
            return Route.CLI;
        }
        boolean display = env.apply("DISPLAY") != null
                || env.apply("WAYLAND_DISPLAY") != null
                || "Monocle".equals(System.getProperty("glass.platform"))
                || !System.getProperty("os.name", "").toLowerCase().contains("linux");
        return display ? Route.WINDOW : Route.NO_DISPLAY;
    }

    public static void main(String[] args) {
        Route route = route(args, System::getenv, p -> Files.exists(Path.of(p)));
        if ((route == Route.CLI || route == Route.WINDOW) && VectorRelaunch.wanted(args)) {
            Integer code = VectorRelaunch.run(args);
            if (code != null) {
                System.exit(code);
            }
        }
        String forwarded = System.getProperty(VectorRelaunch.FORWARDED);
        if (forwarded != null) {
            SignalRelay.listen(Path.of(forwarded));
        }
        boolean scalarAsked = VectorRelaunch.scalarAsked();
        if (scalarAsked) {
            Engine.use(Engine.SCALAR);
        }
        switch (route) {
            case CLI -> {
                if (args.length > 0 && TRAINING.contains(args[0]) && Engine.current() == Engine.SCALAR) {
                    System.err.println("lowrot: " + Engine.scalarReason(scalarAsked));
                }
                Cli.markProcessMain();
                System.exit(Cli.run(args));
            }
            case NO_DISPLAY -> {
                System.err.println("lowrot: no display to open the window on (DISPLAY is not set); the command line "
                        + "needs none — java -jar lowrot.jar --help lists run, margins, sweep, complexity, compare, …");
                System.exit(Cli.FAILURE);
            }
            case NO_FILE -> {
                System.err.println("lowrot: " + args[0] + ": no such config file");
                System.exit(Cli.INVALID);
            }
            case WINDOW -> LowrotApp.main(args);
        }
    }
}
