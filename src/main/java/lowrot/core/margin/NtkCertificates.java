package lowrot.core.margin;

/**
 * The best certificates an NTK-margin iteration has seen: the smallest F(q) (an upper bound, with its q and ‖w_r‖)
 * and the largest min_i g_i (a lower bound, with its pθ), where the primal points tried are each iterate's θ and the
 * running average of the θ iterates since the last power of two (whose margins are the averages of the g's).
 */
final class NtkCertificates {
    double upper;
    final double[] q;
    final double[] norms;
    double lower;
    final double[] theta;
    private final double[] avgG;
    private final double[] avgTheta;
    private int averaged;
    private double reportedLower = Double.NaN;
    private double reportedUpper = Double.NaN;

    /** Starts from the first iterate: F(q), q, ‖w_r‖, its gradient g and pθ. */
    NtkCertificates(double f, double[] q, double[] norms, double[] g, double[] ptheta) {
        this.upper = f;
        this.q = q.clone();
        this.norms = norms.clone();
        this.lower = NtkMarginSolver.min(g);
        this.theta = ptheta.clone();
        this.avgG = new double[g.length];
        this.avgTheta = new double[ptheta.length];
    }

    /** Keeps F(q) when it is the smallest so far. */
    void offerUpper(double f, double[] q, double[] norms) {
        if (f < upper) {
            upper = f;
            System.arraycopy(q, 0, this.q, 0, q.length);
            System.arraycopy(norms, 0, this.norms, 0, norms.length);
        }
    }

    /**
     * Offers the iterate's θ (margin min g) and then the running average of the θ's, restarted at every iteration
     * that is a power of two; returns min g of the iterate.
     */
    double offerLower(int iteration, double[] g, double[] ptheta) {
        double iterateLower = NtkMarginSolver.min(g);
        if (iterateLower > lower) {
            lower = iterateLower;
            System.arraycopy(ptheta, 0, theta, 0, ptheta.length);
        }
        if (Integer.bitCount(iteration) == 1) {
            averaged = 0;
        }
        averaged++;
        double keep = (averaged - 1.0) / averaged;
        for (int i = 0; i < g.length; i++) {
            avgG[i] = keep * avgG[i] + g[i] / averaged;
        }
        for (int c = 0; c < ptheta.length; c++) {
            avgTheta[c] = keep * avgTheta[c] + ptheta[c] / averaged;
        }
        double averageLower = NtkMarginSolver.min(avgG);
        if (averageLower > lower) {
            lower = averageLower;
            System.arraycopy(avgTheta, 0, theta, 0, ptheta.length);
        }
        return iterateLower;
    }

    /** The smoothing changed: the average restarts. */
    void restartAverage() {
        averaged = 0;
    }

    /** Whether the bounds moved since the last time this said so (for reports on the way). */
    boolean movedSinceReport() {
        if (lower == reportedLower && upper == reportedUpper) {
            return false;
        }
        reportedLower = lower;
        reportedUpper = upper;
        return true;
    }

    double gap() {
        return upper - lower;
    }
}
