package lowrot.core.util;

/**
 * How a long computation reports progress and learns that it should stop. Implementations must
 * be thread-safe: solvers may call them from worker threads.
 */
public interface SolverMonitor {
    /** A monitor that ignores progress and never cancels. */
    SolverMonitor NONE = new SolverMonitor() {};

    /**
     * Called now and then with a rough fraction done in [0, 1] and a short message (for example
     * the current bounds).
     */
    default void progress(double fraction, String message) {}

    /** True once the caller wants the computation abandoned. */
    default boolean cancelled() {
        return false;
    }

    /** Throws {@link SolverCancelledException} if cancelled. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new SolverCancelledException();
        }
    }
}
