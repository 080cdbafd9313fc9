package lowrot.core.step;

import lowrot.core.step.ActivityMask;
import lowrot.core.step.Kernel;
import lowrot.core.util.Rng;

import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The candidates for the d &gt; 2 step, each computing the same gradient (forward outputs, loss derivatives c,
 * then ∂a and ∂V) on one thread at n × m × d: the project's vector kernels, EJML's dense products, and OpenBLAS
 * through the JavaCPP preset (its own binaries, held to one thread) as H = X Vᵀ, A = max(H, 0), g = A a,
 * ∂a = Aᵀ c, ∂V = (c aᵀ ⊙ 1[H &gt; 0])ᵀ X — the numpy peer's formulation. Run with
 * {@code mvn -B -P jmh test-compile exec:exec -Djmh.args="CandidatesBenchmark"} (docs/performance.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CandidatesBenchmark {
    /** n × m × d. */
    @Param({"1024x4096x20"})
    public String size;

    private int n;
    private int m;
    private int d;
    private double[] x;
    private double[] y;
    private double[] a;
    private double[] v;
    private double[] z;
    private double[] c;
    private double[] ga;
    private double[] gv;
    private int[] idx;
    private long[] active;

    private DMatrixRMaj ex;
    private DMatrixRMaj ev;
    private DMatrixRMaj eh;
    private DMatrixRMaj ea;
    private DMatrixRMaj eg;
    private DMatrixRMaj ec;
    private DMatrixRMaj ega;
    private DMatrixRMaj egv;

    private DoublePointer px;
    private DoublePointer pv;
    private DoublePointer ph;
    private DoublePointer pa;
    private DoublePointer pg;
    private DoublePointer pc;
    private DoublePointer pga;
    private DoublePointer pgv;

    @Setup(Level.Trial)
    public void setUp() {
        String[] p = size.split("x");
        n = Integer.parseInt(p[0]);
        m = Integer.parseInt(p[1]);
        d = Integer.parseInt(p[2]);
        Rng rng = new Rng(3);
        x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextSign();
        }
        y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextSign();
        }
        a = new double[m];
        for (int j = 0; j < m; j++) {
            a[j] = rng.nextSign() / Math.sqrt(m);
        }
        v = new double[m * d];
        for (int q = 0; q < v.length; q++) {
            v[q] = rng.nextGaussian() / Math.sqrt(d);
        }
        z = new double[n];
        c = new double[n];
        ga = new double[m];
        gv = new double[m * d];
        idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        active = ActivityMask.forPasses(n, m);

        ex = DMatrixRMaj.wrap(n, d, x);
        ev = DMatrixRMaj.wrap(m, d, v);
        eh = new DMatrixRMaj(n, m);
        ea = DMatrixRMaj.wrap(m, 1, a);
        eg = new DMatrixRMaj(n, 1);
        ec = new DMatrixRMaj(n, 1);
        ega = new DMatrixRMaj(m, 1);
        egv = new DMatrixRMaj(m, d);

        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
        px = new DoublePointer(x);
        pv = new DoublePointer(v);
        ph = new DoublePointer((long) n * m);
        pa = new DoublePointer(a);
        pg = new DoublePointer((long) n);
        pc = new DoublePointer((long) n);
        pga = new DoublePointer((long) m);
        pgv = new DoublePointer((long) m * d);
        agree();
    }

    /** The three compute the same gradient (to rounding): checked once before timing. */
    private void agree() {
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        lowrot(bh);
        ejml(bh);
        openblas(bh);
        double scale = 0;
        for (int q = 0; q < m * d; q++) {
            scale = Math.max(scale, Math.abs(gv[q]));
        }
        for (int q = 0; q < m * d; q++) {
            if (Math.abs(gv[q] - egv.data[q]) > 1e-9 * scale || Math.abs(gv[q] - pgv.get(q)) > 1e-9 * scale) {
                throw new IllegalStateException("the candidates disagree at ∂V entry " + q);
            }
        }
        for (int j = 0; j < m; j++) {
            if (Math.abs(ga[j] - ega.data[j]) > 1e-9 * scale || Math.abs(ga[j] - pga.get(j)) > 1e-9 * scale) {
                throw new IllegalStateException("the candidates disagree at ∂a entry " + j);
            }
        }
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (DoublePointer q : new DoublePointer[] {px, pv, ph, pa, pg, pc, pga, pgv}) {
            q.close();
        }
    }

    /** c_i = ℓ'(y_i g_i) y_i / n for the logistic loss. */
    private double derivative(double g, int i) {
        return -y[i] / (1 + Math.exp(y[i] * g)) / n;
    }

    /** The project's vector kernels (the training step's own passes, without the update). */
    @Benchmark
    public void lowrot(Blackhole bh) {
        Kernel.signedOutputs(x, y, d, idx, 0, n, a, v, m, 1.0, z, false, active);
        for (int i = 0; i < n; i++) {
            c[i] = derivative(y[i] * z[i], i);
        }
        Kernel.backward(x, d, idx, n, a, v, 0, m, c, ga, gv, false, active);
        bh.consume(ga);
        bh.consume(gv);
    }

    /** EJML: H = X Vᵀ, then the elementwise work in plain loops, ∂a = Aᵀ c and ∂V = Mᵀ X. */
    @Benchmark
    public void ejml(Blackhole bh) {
        CommonOps_DDRM.multTransB(ex, ev, eh);
        double[] h = eh.data;
        for (int q = 0; q < h.length; q++) {
            h[q] = Math.max(h[q], 0.0);
        }
        CommonOps_DDRM.mult(eh, ea, eg);
        for (int i = 0; i < n; i++) {
            ec.data[i] = derivative(eg.data[i], i);
        }
        CommonOps_DDRM.multTransA(eh, ec, ega);
        for (int i = 0; i < n; i++) {
            double ci = ec.data[i];
            int row = i * m;
            for (int j = 0; j < m; j++) {
                h[row + j] = h[row + j] > 0 ? ci * a[j] : 0.0;
            }
        }
        CommonOps_DDRM.multTransA(eh, ex, egv);
        bh.consume(ega);
        bh.consume(egv);
    }

    /** OpenBLAS (one thread): the same products through cblas_dgemm and cblas_dgemv on native memory. */
    @Benchmark
    public void openblas(Blackhole bh) {
        openblas.cblas_dgemm(
                openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, n, m, d, 1.0, px, d, pv, d, 0.0,
                ph, m);
        java.nio.DoubleBuffer h = ph.asBuffer();
        for (int q = 0; q < n * m; q++) {
            h.put(q, Math.max(h.get(q), 0.0));
        }
        openblas.cblas_dgemv(openblas.CblasRowMajor, openblas.CblasNoTrans, n, m, 1.0, ph, m, pa, 1, 0.0, pg, 1);
        for (int i = 0; i < n; i++) {
            pc.put(i, derivative(pg.get(i), i));
        }
        openblas.cblas_dgemv(openblas.CblasRowMajor, openblas.CblasTrans, n, m, 1.0, ph, m, pc, 1, 0.0, pga, 1);
        for (int i = 0; i < n; i++) {
            double ci = pc.get(i);
            int row = i * m;
            for (int j = 0; j < m; j++) {
                h.put(row + j, h.get(row + j) > 0 ? ci * a[j] : 0.0);
            }
        }
        openblas.cblas_dgemm(
                openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, m, d, n, 1.0, ph, m, px, d, 0.0,
                pgv, d);
        bh.consume(pga.get(0));
        bh.consume(pgv.get(0));
    }
}
