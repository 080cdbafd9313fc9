package lowrot.core.margin;

import java.util.List;
import java.util.PriorityQueue;
import lowrot.core.util.ProgressMonitor;

/**
 * One sign of the pricing search: max of s·h over the unit ball (or its part in a cone where the caller knows the
 * maximum lies, see {@link PointSymmetry}) by best-first branch and bound over the activation patterns of the points
 * a_i, each node bounded soundly by its {@link Relaxation}. Everything runs in a fixed order
 * on the caller's thread.
 */
final class BranchAndBound {
    /** The sound upper bound of s·h over the ball, the best value found, and the nodes taken. */
    record Result(double upper, double best, int nodes) {}

    private final PatternSearch search;
    private final double[] c;
    private final int sign;
    private final int d;
    private final Relaxation relaxation;

    BranchAndBound(PatternSearch search, double[] c, int sign, double[] xs, int n, int d, List<double[]> cone) {
        this.search = search;
        this.c = c;
        this.sign = sign;
        this.d = d;
        this.relaxation = new Relaxation(c, sign, xs, n, d, cone);
    }

    /**
     * s·h over the ball: the sound upper bound, the best value found and the nodes taken, pruning against the larger of its own best
     * and {@code incumbent} (the other sign's best: only the larger maximum matters); adds node
     * directions to {@code found}.
     */
    Result search(List<double[]> found, double incumbent, int maxNodes, double relTol, ProgressMonitor monitor) {
        double best = 0;
        for (double[] u : found) {
            best = Math.max(best, sign * search.h(c, u));
        }
        best = Math.max(best, 0);
        if (relaxation.a.length == 0) {
            // s·h ≤ 0 everywhere: the maximum over the ball is 0 (at u = 0).
            return new Result(0, best, 0);
        }
        double covered = 0; // largest bound of a node that is finished (pruned or a leaf)
        // Best first: the open region with the largest bound is refined next, so that the bound left
        // at the node cap (the largest open one) is as low as that many nodes can make it.
        PriorityQueue<Relaxation.Node> open = new PriorityQueue<>((p, q) -> p.parentBound() != q.parentBound()
                ? Double.compare(q.parentBound(), p.parentBound())
                : Long.compare(p.serial(), q.serial()));
        long serial = 0;
        open.add(relaxation.root());
        serial++;
        int nodes = 0;
        double[] u = new double[d];
        while (!open.isEmpty()) {
            if (nodes >= maxNodes) {
                // Unexplored regions keep their parents' bounds: still a sound upper bound.
                covered = Math.max(covered, open.peek().parentBound());
                break;
            }
            if ((nodes & 255) == 255) {
                monitor.checkCancelled();
            }
            Relaxation.Node node = open.poll();
            if (PatternSearch.prunable(node.parentBound(), Math.max(incumbent, best), relTol)) {
                // Every open region has a bound no larger than this one.
                covered = Math.max(covered, node.parentBound());
                break;
            }
            nodes++;
            double bound = Math.min(node.parentBound(), relaxation.bound(node, u));
            if (u[0] == u[0]) { // u holds r/‖r‖ when r ≠ 0 (NaN marks r = 0)
                double value = sign * search.h(c, u);
                if (value > best) {
                    best = value;
                }
                found.add(u.clone());
            }
            byte[] state = node.state();
            int branch = -1;
            double widest = 0;
            for (int j = 0; j < relaxation.a.length; j++) {
                if (state[j] == 0) {
                    // Slack of the secant at the node's direction: how much freeing j costs here.
                    double slack = u[0] == u[0]
                            ? (relaxation.aNorm[j] - Math.abs(Relaxation.dot(relaxation.a[j], u))) / 2
                            : relaxation.aNorm[j];
                    if (branch < 0 || slack > widest) {
                        branch = j;
                        widest = slack;
                    }
                }
            }
            if (branch < 0 || PatternSearch.prunable(bound, Math.max(incumbent, best), relTol)) {
                covered = Math.max(covered, bound);
                continue;
            }
            byte[] in = state.clone();
            in[branch] = 1;
            byte[] out = state.clone();
            out[branch] = -1;
            int opposite = relaxation.antipode[branch];
            if (opposite >= 0 && state[opposite] == 0) {
                // −x_j is active exactly where x_j is not (on the hyperplane both are, which either state allows).
                in[opposite] = -1;
                out[opposite] = 1;
            }
            // Children start their descent from this node's multipliers (any start is sound).
            open.add(new Relaxation.Node(
                    in, node.lambda().clone(), node.nu().clone(), node.kappa().clone(), bound, serial++));
            open.add(new Relaxation.Node(
                    out, node.lambda().clone(), node.nu().clone(), node.kappa().clone(), bound, serial++));
        }
        return new Result(Math.max(best, covered), best, nodes);
    }
}
