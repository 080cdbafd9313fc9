package lowrot.core.util;

/** Thrown by a solver whose {@link SolverMonitor} asked it to stop. */
public final class SolverCancelledException extends RuntimeException {
    public SolverCancelledException() {
        super("cancelled");
    }
}
