package lowrot.core.margin;

import java.util.List;
import lowrot.core.util.ProgressMonitor;

/** Finds directions with large |h_q| for given dual weights q: the column generation's pricing problem. */
interface Pricer {
    /**
     * Max of |h_q| over the search space (exact or best found) and candidates sorted by |h_q|,
     * descending. {@code dictionary} holds the directions already in the program.
     */
    Priced price(double[] q, int limit, List<double[]> dictionary, boolean certify, ProgressMonitor monitor);

    /**
     * A proven but cheaply found bound on max_u |h_q| (a short search), or null when the pricer has no cheaper way
     * than {@link #price}; used once per solve, for a first interval.
     */
    default Priced quickBound(double[] q, ProgressMonitor monitor) {
        return null;
    }

    /** True when any unit direction may join the dictionary (not for a fixed set of directions). */
    default boolean addsPointDirections() {
        return true;
    }

    /**
     * {@code max} is a proven upper bound on max_u |h_w(u)| when {@code bound} is true, for the dual weights w =
     * {@code certified} when that is not null (weights derived from q, such as its average over the data's
     * symmetries: {@link PointSymmetry}) and w = q otherwise; without a bound, only the best value a search found,
     * which is never reported.
     */
    record Priced(double max, List<double[]> candidates, boolean bound, double[] certified) {
        Priced(double max, List<double[]> candidates, boolean bound) {
            this(max, candidates, bound, null);
        }
    }
}
