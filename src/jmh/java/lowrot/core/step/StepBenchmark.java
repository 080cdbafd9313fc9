package lowrot.core.step;

import lowrot.core.data.DataSpec;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.step.ActivityMask;
import lowrot.core.step.Engine;
import lowrot.core.step.Kernel;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import lowrot.core.util.Rng;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The step kernels one by one (forward outputs, backward accumulation, one whole step on 1 and 2
 * threads, one snapshot's metrics) at the reference sizes of docs/performance.md, on parity data as
 * {@code lowrot bench} uses. Run with {@code mvn -B -P jmh test-compile exec:exec} (see that page).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StepBenchmark {
    /** n × m × d of the reference sizes. */
    @Param({"256x512x2", "1024x4096x20", "4096x16384x2"})
    public String size;

        @Param({"1", "2"})
    public int threads;

    /** The d > 2 engine (the plane has kernels of its own). */
    @Param({"VECTOR", "SCALAR"})
    public String engine;

    private int n;
    private int m;
    private int d;
    private double[] x;
    private double[] y;
    private int[] idx;
    private double[] a;
    private double[] v;
    private double[] z;
    private double[] c;
    private double[] ga;
    private double[] gv;
    /** The activity bits the forward pass keeps for the backward pass (d ≠ 2), as a trainer holds them. */
    private long[] active;
    private Trainer trainer;

    @Setup(Level.Trial)
    public void setUp() {
                Engine.use(Engine.valueOf(engine));
        String[] p = size.split("x");
        n = Integer.parseInt(p[0]);
        m = Integer.parseInt(p[1]);
        d = Integer.parseInt(p[2]);
        RunConfig rc = new RunConfig(DataSpec.defaults(DatasetKind.PARITY).withD(d).withN(n).withNTest(n),
                NetworkSpec.defaults().withWidth(m), TrainSpec.defaults().withStepSize(0.1), 1, 1);
        trainer = new Trainer(rc);
        trainer.setThreads(threads);
        Dataset train = trainer.data().train();
        x = train.copyX();
        y = train.copyY();
        idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        a = trainer.network().copyA();
        v = trainer.network().copyV();
        z = new double[n];
        c = new double[n];
        Rng rng = new Rng(7);
        for (int i = 0; i < n; i++) {
            c[i] = -0.5 * rng.nextDouble() / n;
        }
        ga = new double[m];
        gv = new double[m * d];
        active = d == 2 ? null : ActivityMask.forPasses(n, m);
        Kernel.signedOutputs(x, y, d, idx, 0, n, a, v, m, 1.0 / Math.sqrt(m), z, false, active);
    }

    /**
     * g(x_i)·y_i·s for every example (and for d ≠ 2 the activity bits), one thread (the step splits this over
     * examples).
     */
    @Benchmark
    public double[] forward() {
        Kernel.signedOutputs(x, y, d, idx, 0, n, a, v, m, 1.0 / Math.sqrt(m), z, false, active);
        return z;
    }

    /**
     * ∂R/∂a and ∂R/∂v for every neuron, one thread (the step splits this over neurons); for d ≠ 2 from the
     * forward pass's activity bits, as in training.
     */
    @Benchmark
    public void backward(Blackhole bh) {
        Kernel.backward(x, d, idx, n, a, v, 0, m, c, ga, gv, false, active);
        bh.consume(ga);
        bh.consume(gv);
    }

    /** One full gradient-descent step on {@code threads} threads. */
    @Benchmark
    public double step() {
        return trainer.step();
    }

    /** Every metric of one snapshot on {@code threads} threads. */
    @Benchmark
    public Snapshot snapshot() {
        return trainer.snapshot(1);
    }
}
