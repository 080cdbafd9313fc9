package lowrot.core.train;

import lowrot.core.model.LearnedPlane;
import lowrot.core.model.Network;

/**
 * An immutable picture of a run at one step: its metrics and full weights, safe to hand to any
 * thread. The arrays are private copies; accessors return single entries or fresh copies.
 */
public final class Snapshot {
    private final long runId;
    private final Metrics metrics;
    private final int m;
    private final int d;
    private final double scale;
    private final double[] a;
    private final double[] v;
    private final double[] b;
    private final double[] u;
    private final double[] a0;
    private final double[] v0;
    private final double[] angles;
    /** Computed on first use by whichever thread asks; every thread computes the same value. */
    private volatile LearnedPlane learnedPlane;

    private Snapshot(long runId, Metrics metrics, Network net, Network initial, double[] angles) {
        this.runId = runId;
        this.metrics = metrics;
        this.m = net.width();
        this.d = net.dim();
        this.scale = net.scale();
        this.a = net.aData().clone();
        this.v = net.vData().clone();
        this.b = net.bData() == null ? null : net.bData().clone();
        this.u = net.uData() == null ? null : net.uData().clone();
        this.a0 = initial.aData().clone();
        this.v0 = initial.vData().clone();
        this.angles = angles.clone();
    }

    /** Copies everything it keeps out of the given (mutable) objects. */
    static Snapshot of(long runId, Metrics metrics, Network net, Network initial, double[] angles) {
        return new Snapshot(runId, metrics, net, initial, angles);
    }

    /**
     * A snapshot rebuilt from stored weights (a replayed run): rotations are recomputed against the
     * initial weights. With {@code frozenDirections}, the directions are those of the initial rows
     * and the norms b_j = v_j · u_j.
     */
    public static Snapshot fromWeights(
            long runId,
            Metrics metrics,
            double[] a,
            double[] v,
            double[] a0,
            double[] v0,
            int d,
            double scale,
            boolean frozenDirections) {
        Network initial = Network.of(a0, v0, d, scale);
        Network now = Network.of(a, v, d, scale);
        if (frozenDirections) {
            initial = initial.withFrozenDirections();
            double[] b = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                for (int k = 0; k < d; k++) {
                    b[j] += v[j * d + k] * initial.uData()[j * d + k];
                }
            }
            now = Network.ofNoRotation(a, b, initial.uData(), d, scale);
        }
        double[] angles = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            angles[j] = frozenDirections
                    ? Angles.frozenAngle(now.bData()[j], initial.bData()[j])
                    : Angles.angle(now.vData(), initial.vData(), j * d, d);
        }
        return new Snapshot(runId, metrics, now, initial, angles);
    }

    /** The run this snapshot belongs to; consumers ignore snapshots of an older run. */
    public long runId() {
        return runId;
    }

    public Metrics metrics() {
        return metrics;
    }

    public long step() {
        return metrics.step();
    }

    public double time() {
        return metrics.time();
    }

    /** Width m. */
    public int width() {
        return m;
    }

    /** Input dimension d. */
    public int dim() {
        return d;
    }

    /** Output scale s. */
    public double scale() {
        return scale;
    }

    /** True when the weights are in the no-rotation parametrisation (b and u available). */
    public boolean frozenDirections() {
        return b != null;
    }

    public double a(int j) {
        return a[j];
    }

    public double v(int j, int k) {
        return v[j * d + k];
    }

    /** b_j (no-rotation only). */
    public double b(int j) {
        return b[j];
    }

    /** u_j's coordinate k (no-rotation only). */
    public double u(int j, int k) {
        return u[j * d + k];
    }

    /** a_j at initialization. */
    public double initialA(int j) {
        return a0[j];
    }

    /** v_j at initialization, coordinate k. */
    public double initialV(int j, int k) {
        return v0[j * d + k];
    }

    /** ∠(v_j(t), v_j(0)) in radians. */
    public double rotation(int j) {
        return angles[j];
    }

    /** ‖v_j‖. */
    public double innerNorm(int j) {
        return Network.rowNorm(v, j, d);
    }

    /** Outer weights a_j, a copy. */
    public double[] copyA() {
        return a.clone();
    }

    /** Inner weights, row-major m × d. */
    public double[] copyV() {
        return v.clone();
    }

    /** The network of this snapshot, as a new mutable object. */
    public Network network() {
        return b == null ? Network.of(a, v, d, scale) : Network.ofNoRotation(a, b, u, d, scale);
    }

    /** The plane this network selected ({@link LearnedPlane}), computed once per snapshot. */
    public LearnedPlane learnedPlane() {
        LearnedPlane p = learnedPlane;
        if (p == null) {
            p = LearnedPlane.of(Network.of(a, v, d, scale));
            learnedPlane = p;
        }
        return p;
    }
}
