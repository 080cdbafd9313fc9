package lowrot.core.util;

/**
 * How a long computation reports progress and learns that it should stop. Implementations must
 * be thread-safe: solvers, trainers and experiments may call them from worker threads.
 */
public interface ProgressMonitor {
    /** A monitor that ignores progress and never cancels. */
    ProgressMonitor NONE = new ProgressMonitor() {};

    /**
     * Called now and then with a rough fraction done in [0, 1] and a short message (for example
     * the current bounds).
     */
    default void progress(double fraction, String message) {}

    /** True once the caller wants the computation abandoned. */
    default boolean cancelled() {
        return false;
    }

    /** Throws {@link CancelledException} if cancelled. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancelledException();
        }
    }
}
