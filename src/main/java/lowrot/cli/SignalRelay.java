package lowrot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import sun.misc.Signal;

/**
 * The child's half of the launcher's signal forwarding (see the launcher's {@code VectorRelaunch}): SIGUSR1 means
 * "the launcher received the signal named in this file". A run that handles its stop signals
 * ({@link StopSignals}) takes it as that signal, or ignores it when it is the copy of one it received itself;
 * any other command raises the named signal on itself, so the JVM ends as it would have (exit 128 + the number).
 */
public final class SignalRelay {
    private SignalRelay() {}

    /** Listens for forwarded signals named in {@code file}. */
    public static void listen(Path file) {
        try {
            Signal.handle(new Signal("USR1"), s -> received(read(file)));
        } catch (IllegalArgumentException e) {
            // No SIGUSR1 here: the launcher's fallback (SIGTERM through the process API) still reaches this JVM.
        }
    }

    private static void received(String name) {
        if (!name.equals("INT") && !name.equals("TERM")) {
            return;
        }
        if (!StopSignals.forwarded(name)) {
            Signal.raise(new Signal(name));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "TERM";
        }
    }
}
