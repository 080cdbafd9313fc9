package lowrot.core.util;

/** Thrown by a solver whose {@link ProgressMonitor} asked it to stop. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
