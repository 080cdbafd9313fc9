package lowrot.core.model;

import java.util.Arrays;
import lowrot.core.data.Dataset;
import lowrot.core.util.Rng;

/**
 * The weights of a two-layer ReLU network f(x; W) = s · Σ_j a_j σ(v_j · x), σ(z) = max(0, z).
 *
 * <p>Mutable and owned by one thread (the trainer's); other threads see snapshots ({@code lowrot.core.train.Snapshot}). In the
 * no-rotation regime the inner weights are v_j = b_j·u_j with frozen unit vectors u_j; the rows
 * v_j are kept in sync so that every evaluation reads the same arrays.
 */
public final class Network {
    private final int m;
    private final int d;
    private final double scale;
    private final double[] a;
    private final double[] v;
    /** Norms b_j in the no-rotation regime, else null. */
    private final double[] b;
    /** Frozen unit directions u_j in the no-rotation regime, else null. */
    private final double[] u;

    private Network(int m, int d, double scale, double[] a, double[] v, double[] b, double[] u) {
        this.m = m;
        this.d = d;
        this.scale = scale;
        this.a = a;
        this.v = v;
        this.b = b;
        this.u = u;
    }

    /**
     * A freshly initialized network: v_j ~ α·N(0, σ_v² I_d), a_j ~ α·(±1 or N(0, 1)); with symmetric
     * pairs, neuron j + m/2 copies v_j and negates a_j.
     *
     * @param frozenDirections true for the no-rotation parametrisation v_j = b_j·u_j
     */
    public static Network initialize(NetworkSpec spec, int d, boolean frozenDirections, Rng rng) {
        spec.validate().throwIfAny();
        int m = spec.width();
        double alpha = spec.initScale();
        double sigma = spec.innerScale().value(d);
        double[] a = new double[m];
        double[] v = new double[m * d];
        int drawn = spec.symmetricPairs() ? m / 2 : m;
        for (int j = 0; j < drawn; j++) {
            a[j] = alpha * (spec.outerInit() == OuterInit.SIGNS ? rng.nextSign() : rng.nextGaussian());
            for (int k = 0; k < d; k++) {
                v[j * d + k] = alpha * sigma * rng.nextGaussian();
            }
        }
        if (spec.symmetricPairs()) {
            for (int j = 0; j < drawn; j++) {
                a[j + drawn] = -a[j];
                System.arraycopy(v, j * d, v, (j + drawn) * d, d);
            }
        }
        Network net = new Network(m, d, spec.outputScale().value(m), a, v, null, null);
        return frozenDirections ? net.withFrozenDirections() : net;
    }

    /** A network with the given weights (copied): a has m entries, v is row-major m × d. */
    public static Network of(double[] a, double[] v, int d, double scale) {
        if (d < 1 || a.length == 0 || v.length != a.length * d) {
            throw new IllegalArgumentException(
                    "weights: need m ≥ 1 outer weights and m·d = " + a.length * d + " inner weights, got " + v.length);
        }
        return new Network(a.length, d, scale, a.clone(), v.clone(), null, null);
    }

    /**
     * A no-rotation network v_j = b_j·u_j with the given norms and unit directions (copied).
     */
    public static Network ofNoRotation(double[] a, double[] b, double[] u, int d, double scale) {
        if (d < 1 || a.length == 0 || b.length != a.length || u.length != a.length * d) {
            throw new IllegalArgumentException("weights: need m ≥ 1 outer weights, m norms and m·d = " + a.length * d
                    + " direction entries, got " + b.length + " and " + u.length);
        }
        Network net = new Network(a.length, d, scale, a.clone(), new double[u.length], b.clone(), u.clone());
        net.syncInnerFromNorms();
        return net;
    }

    /**
     * The same function in the no-rotation parametrisation: u_j = v_j/‖v_j‖, b_j = ‖v_j‖
     * (a zero row gets u_j = e_1, b_j = 0).
     */
    public Network withFrozenDirections() {
        double[] bb = new double[m];
        double[] uu = new double[m * d];
        double[] vv = new double[m * d];
        for (int j = 0; j < m; j++) {
            double norm = rowNorm(v, j, d);
            bb[j] = norm;
            for (int k = 0; k < d; k++) {
                uu[j * d + k] = norm > 0 ? v[j * d + k] / norm : (k == 0 ? 1.0 : 0.0);
            }
        }
        Network net = new Network(m, d, scale, a.clone(), vv, bb, uu);
        net.syncInnerFromNorms();
        return net;
    }

    /** A deep copy. */
    public Network copy() {
        return new Network(
                m, d, scale, a.clone(), v.clone(), b == null ? null : b.clone(), u == null ? null : u.clone());
    }

    /** v_j = b_j·u_j for every j (no-rotation only). */
    /** Sets every row v_j = b_j·u_j from the norms (no-rotation regime), in place. */
    public void syncInnerFromNorms() {
        for (int j = 0; j < m; j++) {
            double bj = b[j];
            int row = j * d;
            for (int k = 0; k < d; k++) {
                v[row + k] = bj * u[row + k];
            }
        }
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

    /** True in the no-rotation parametrisation. */
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

    /** Copies of the weights. */
    public double[] copyA() {
        return a.clone();
    }

    public double[] copyV() {
        return v.clone();
    }

    /** g(x; W) = Σ_j a_j σ(v_j · x) = f/s for the point starting at {@code offset} of {@code xs}. */
    public double g(double[] xs, int offset) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double h = 0;
            int row = j * d;
            for (int k = 0; k < d; k++) {
                h += v[row + k] * xs[offset + k];
            }
            if (h > 0) {
                sum += a[j] * h;
            }
        }
        return sum;
    }

    /** g(x; W) = f(x; W)/s. */
    public double g(double[] x) {
        return g(x, 0);
    }

    /** f(x; W) = s·g(x; W). */
    public double f(double[] x) {
        return scale * g(x, 0);
    }

    /** R(W) = (1/n) Σ ℓ(y_i f(x_i; W)). */
    public double risk(Dataset data, Loss loss) {
        double[] x = data.copyX();
        double sum = 0;
        for (int i = 0; i < data.n(); i++) {
            sum += loss.value(data.y(i) * scale * g(x, i * d));
        }
        return sum / data.n();
    }

    /** min_i y_i g(x_i; W): the unnormalised margin of g on the data. */
    public double minMarginOfG(Dataset data) {
        double[] x = data.copyX();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.n(); i++) {
            min = Math.min(min, data.y(i) * g(x, i * d));
        }
        return min;
    }

    /** Σ_j |a_j| ‖v_j‖, the path norm. */
    public double pathNorm() {
        double sum = 0;
        for (int j = 0; j < m; j++) {
            sum += Math.abs(a[j]) * rowNorm(v, j, d);
        }
        return sum;
    }

    // The live arrays, exposed the way EJML exposes a matrix's .data: the step kernels and the metrics
    // pass read and write them in place, and a copy per step would cost more than the step's sums.

    /** The outer weights a_j (length m), the live array: only the network's owner (its trainer) writes it. */
    public double[] aData() {
        return a;
    }

    /** The inner weights v_j as rows of length d (length m·d), the live array: only the owner writes it. */
    public double[] vData() {
        return v;
    }

    /** The norms b_j in the no-rotation regime (length m), else null; the live array: only the owner writes it. */
    public double[] bData() {
        return b;
    }

    /** The frozen unit directions u_j in the no-rotation regime (rows of length d), else null; never written. */
    public double[] uData() {
        return u;
    }

    @Override
    public String toString() {
        return "Network[m=" + m + ", d=" + d + ", s=" + scale + ", a="
                + Arrays.toString(Arrays.copyOf(a, Math.min(m, 4))) + (m > 4 ? "…" : "") + "]";
    }

    /** ‖row j‖ of {@code rows} read as rows of length d, summed over k = 0 … d−1 in order. */
    public static double rowNorm(double[] rows, int j, int d) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double val = rows[j * d + k];
            sum += val * val;
        }
        return Math.sqrt(sum);
    }
}
