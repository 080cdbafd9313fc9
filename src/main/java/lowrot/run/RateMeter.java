package lowrot.run;

/** Steps per second of wall-clock time, measured over windows of about a second; restarted at every Play. */
final class RateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long start;
    private long steps;

    /** Starts a new window at {@code now}. */
    void restart(long now) {
        start = now;
        steps = 0;
    }

    /** Counts one step taken by {@code now}; returns the rate when a window has closed, else NaN. */
    double stepTaken(long now) {
        steps++;
        if (now - start < WINDOW_NANOS) {
            return Double.NaN;
        }
        double rate = steps * 1e9 / (now - start);
        restart(now);
        return rate;
    }
}
