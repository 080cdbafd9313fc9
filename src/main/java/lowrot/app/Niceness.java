package lowrot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Lowers the calling thread's scheduling priority (Linux nice), so that while training, solvers and the
 * painter keep every core busy, the FX thread and the renderer still get the CPU the moment they need it:
 * the trainer, the painter, file work and the solve a run waits for at nice 10, the other reference solvers at
 * nice 15 — so the first pictures of a run are not held up by the solvers that start with it. Elsewhere, or without
 * {@code renice}, it does nothing.
 */
final class Niceness {
    private static final Path SELF = Path.of("/proc/thread-self/stat");
    private static volatile boolean unavailable = !Files.isReadable(SELF);

    private Niceness() {}

    /** {@link #lowerCurrentThread} as one object, the start action of every background thread of the window. */
    static final Runnable LOWER = () -> lowerCurrentThread(10);

    /** Lower still, for the solvers and file work: they yield to the trainer and the painter too. */
    static final Runnable LOWEST = () -> lowerCurrentThread(15);

    static void lowerCurrentThread(int nice) {
        if (unavailable) {
            return;
        }
        try {
            // The first field of the thread's own stat line is its kernel thread id.
            String stat = Files.readString(SELF);
            String tid = stat.substring(0, stat.indexOf(' '));
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                unavailable = true;
            }
        } catch (IOException | RuntimeException e) {
            unavailable = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The calling thread's nice value, or null where it cannot be read (for tests). */
    static Integer currentNice() {
        try {
            String stat = Files.readString(SELF);
            // Fields after the command name "(…)": state is field 3, nice is field 19.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(f[16]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
