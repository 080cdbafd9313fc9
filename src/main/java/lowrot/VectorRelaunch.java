package lowrot;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import sun.misc.Signal;

/**
 * The vector engine for a plain {@code java -jar lowrot.jar}: the Vector API lives in the incubator module
 * {@code jdk.incubator.vector}, which a JVM resolves only when told to on its command line (a jar's manifest cannot
 * add a module). When the module is in the runtime but not resolved, the launcher starts the same JVM once more with
 * {@code --add-modules jdk.incubator.vector} and everything else unchanged — the user's JVM options ({@code -Xmx},
 * {@code -D…}), the class path, the arguments, the working directory, standard input, output and error — waits for
 * it and exits with its exit code.
 *
 * <p>Signals: a terminal's Ctrl-C, and a scheduler's SIGTERM to every process of a job, reach both processes; a
 * {@code kill} of this one's pid reaches only it. So this process forwards every SIGINT and SIGTERM it gets, but
 * marked as forwarded: it writes the signal's name to a file the child was told of and sends SIGUSR1; the child
 * ({@link lowrot.cli.SignalRelay}) takes a forwarded signal for a second copy of one it got directly and ignores
 * it once, so a run stops as it does when started directly (the first signal stops it cleanly, a second one ends it
 * at once). {@code -Dlowrot.engine=scalar} keeps the scalar engine and starts nothing; so do {@code --help},
 * {@code --version}, {@code validate} and {@code merge}, which train nothing and must start quickly.
 */
final class VectorRelaunch {
    static final String MODULE = "jdk.incubator.vector";
    /** Set in the child: never start a third JVM, whatever happens. */
    static final String RELAUNCHED = "lowrot.relaunched";
    /** Set in the child: the file that names a forwarded signal. */
    static final String FORWARDED = "lowrot.forwarded";

    private static final Set<String> QUICK = Set.of("-h", "--help", "-V", "--version", "help", "validate", "merge");

    private VectorRelaunch() {}

    /**
     * Whether to start the JVM again with the vector module: it is missing from this one, present in its runtime,
     * not refused ({@code -Dlowrot.engine=scalar}), this is not already the second JVM, and the command trains.
     */
    static boolean wanted(String[] args) {
        if (ModuleLayer.boot().findModule(MODULE).isPresent() || Boolean.getBoolean(RELAUNCHED) || scalarAsked()) {
            return false;
        }
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return false;
            }
        }
        if (args.length > 0 && QUICK.contains(args[0])) {
            return false;
        }
        return ModuleFinder.ofSystem().find(MODULE).isPresent();
    }

    /** Whether the user asked for the scalar engine ({@code -Dlowrot.engine=scalar}). */
    static boolean scalarAsked() {
        return "scalar".equals(System.getProperty("lowrot.engine"));
    }

    /** The command of the second JVM: this one's, with the module added. */
    static List<String> command(String[] args, Path forwarded) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("--add-modules=" + MODULE);
        cmd.add("-D" + RELAUNCHED + "=true");
        cmd.add("-D" + FORWARDED + "=" + forwarded);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Runs the command in the second JVM and returns its exit code; null when it could not be started (the caller
     * goes on in this JVM, on the scalar engine, saying why).
     */
    static Integer run(String[] args) {
        Path forwarded;
        Process child;
        try {
            forwarded = Files.createTempFile("lowrot-signal-", ".txt");
            forwarded.toFile().deleteOnExit();
            child = new ProcessBuilder(command(args, forwarded)).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            System.err.println("lowrot: cannot start Java again with the vector engine (" + e.getMessage()
                    + "); training on the scalar engine. Start Java with --add-modules " + MODULE
                    + " to use it.");
            return null;
        }
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> forward(child, forwarded, s.getName()));
            } catch (IllegalArgumentException e) {
                // This platform does not deliver that signal to Java.
            }
        }
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // Nothing interrupts this thread on purpose; keep waiting for the child.
            }
        }
    }

    /**
     * Passes a signal on: its name into the file, then SIGUSR1 (the child tells it from a copy it got itself); where
     * that cannot be sent, SIGTERM through the process API.
     */
    private static void forward(Process child, Path file, String name) {
        try {
            Files.writeString(file, name, StandardCharsets.UTF_8);
            Process kill = new ProcessBuilder("kill", "-USR1", Long.toString(child.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (kill.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // No kill command: fall through.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        child.destroy();
    }
}
