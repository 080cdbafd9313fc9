package lowrot.app;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** An executor that only queues; the test runs the tasks by hand, so hand-offs are deterministic. */
final class ManualExecutor implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
        notifyAll();
    }

    synchronized int pending() {
        return tasks.size();
    }

    /**
     * Runs the tasks queued at the time of the call, not ones queued meanwhile by other threads (a
     * painter that is fast enough would otherwise have its next frame consumed here too).
     */
    int runQueued() {
        int count = pending();
        for (int i = 0; i < count; i++) {
            poll().run();
        }
        return count;
    }

    /** Runs every queued task (and any they queue), returning how many ran. */
    int runAll() {
        int ran = 0;
        Runnable r;
        while ((r = poll()) != null) {
            r.run();
            ran++;
        }
        return ran;
    }

    private synchronized Runnable poll() {
        return tasks.poll();
    }

    /**
     * Whether {@code count} tasks get queued within {@code millis}: for checking that something does
     * not happen (a correct component never queues them, so a slow machine cannot make this fail).
     */
    synchronized boolean queuedWithin(int count, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (tasks.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Stack traces of the live lowrot-* threads, to say where a stuck hand-off stands. */
    static String lowrotThreads() {
        StringBuilder out = new StringBuilder();
        for (var e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().startsWith("lowrot")) {
                out.append(e.getKey().getName())
                        .append(' ')
                        .append(e.getKey().getState())
                        .append('\n');
                for (StackTraceElement f : e.getValue()) {
                    out.append("    at ").append(f).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Waits until at least {@code count} tasks are queued; a liveness bound, never a speed check. */
    synchronized void awaitPending(int count, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (tasks.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no task queued within " + seconds + " s (" + tasks.size() + " of " + count
                        + "); the lowrot threads were:\n" + lowrotThreads());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
