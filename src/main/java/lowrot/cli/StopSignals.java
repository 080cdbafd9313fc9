package lowrot.cli;

import lowrot.io.AtomicFiles;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM for a command-line run: the first asks the run to stop after the step in progress and write
 * its files; a second one ends the process at once (temporary files deleted, the journal left as it is, since each
 * of its lines is complete when written). Installed only in the process the launcher started, never in a test's JVM.
 */
final class StopSignals {
    private static volatile Signal received;
    private static volatile boolean installed;
    /** Signals the launcher forwarded so far (see {@link SignalRelay}). */
    private static int forwarded;

    private StopSignals() {}

    /** Takes over SIGINT and SIGTERM (where the platform has them). */
    static void install() {
        installed = true;
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), StopSignals::onSignal);
            } catch (IllegalArgumentException e) {
                // This platform does not deliver that signal to Java; its default action stays.
            }
        }
    }

    private static synchronized void onSignal(Signal s) {
        if (received == null) {
            received = s;
            return;
        }
        halt(s);
    }

    /**
     * A signal the launcher received and passed on (SIGINT or SIGTERM by name); false when no run handles stop
     * signals in this process. The launcher's first forwarded signal with the name of one received directly is a
     * second copy of the same request (a Ctrl-C or a scheduler's SIGTERM reaches both processes) and is ignored;
     * otherwise it counts as a signal of its own.
     */
    static synchronized boolean forwarded(String name) {
        if (!installed) {
            return false;
        }
        Signal s = new Signal(name);
        forwarded++;
        if (received == null) {
            received = s;
        } else if (!(forwarded == 1 && received.getName().equals(name))) {
            halt(s);
        }
        return true;
    }

    private static void halt(Signal s) {
        AtomicFiles.deleteTemporaries();
        Runtime.getRuntime().halt(128 + s.getNumber());
    }

    /** Whether a stop was asked for. */
    static boolean requested() {
        return received != null;
    }

    /** The exit code of a run stopped by the signal received: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
    static int exitCode() {
        Signal s = received;
        return s == null ? Cli.OK : 128 + s.getNumber();
    }

    /** The signal's name as a user knows it, e.g. "SIGTERM". */
    static String name() {
        Signal s = received;
        return s == null ? "" : "SIG" + s.getName();
    }
}
