package lowrot.core.train;

import java.util.Arrays;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.Loss;
import lowrot.core.model.MaxMarginAtoms;
import lowrot.core.model.Network;
import lowrot.core.step.Kernel;
import lowrot.core.step.MetricsKernel;

/**
 * Computes {@link Metrics} in one pass over the training set (outputs, margins, activation
 * patterns) and one over the test set, with preallocated work arrays. Owned by the trainer's thread.
 */
final class MetricsCalculator {
    private final Network initial;
    /** Parity data: the feature share applies. */
    private final boolean parity;
    /** Group centres of neural-collapse data (0 elsewhere): the centre alignment applies. */
    private final int groups;
    /** The max-margin network's atoms the optimal alignment is measured against, or null. */
    private final MaxMarginAtoms atoms;

    private final int n;
    private final int nTest;
    private final int d;
    private final double[] xs;
    private final double[] ys;
    private final double[] testX;
    private final double[] testY;
    private final double[] centres;
    private final double[] logLoss;
    private final double[] angles;
    private final double[] sorted;
    private final double[] aWork;
    private final double[] a0Work;
    private final double[] vWork;
    private final double[] v0Work;
    private final int[] testIndex;
    private final double[] trainG;
    private final double[] trainTangent;
    private final int[] trainChanged;
    private Blocks blocks = Blocks.SEQUENTIAL;
    private final double[] testZ;

    MetricsCalculator(Network initial, Dataset train, Dataset test, MaxMarginAtoms atoms) {
        if (atoms != null && atoms.dim() != train.d()) {
            throw new IllegalArgumentException(
                    "max-margin atoms of dimension " + atoms.dim() + " for data of dimension " + train.d());
        }
        this.initial = initial;
        this.atoms = atoms;
        this.parity = train.kind() == DatasetKind.PARITY;
        this.n = train.n();
        this.nTest = test.n();
        this.d = train.d();
        this.xs = train.copyX();
        this.ys = train.copyY();
        this.testX = test.copyX();
        this.testY = test.copyY();
        this.centres = train.copyCentres();
        this.groups = centres.length / d;
        this.logLoss = new double[n];
        this.angles = new double[initial.width()];
        this.sorted = new double[initial.width()];
        this.aWork = new double[initial.width()];
        this.a0Work = new double[initial.width()];
        this.vWork = new double[initial.vData().length];
        this.v0Work = new double[initial.vData().length];
        this.testIndex = new int[nTest];
        for (int i = 0; i < nTest; i++) {
            testIndex[i] = i;
        }
        this.testZ = new double[nTest];
        this.trainG = new double[n];
        this.trainTangent = new double[n];
        this.trainChanged = new int[n];
    }

    /** Runs tasks 0 … count−1, each writing only its own part of an array, on any threads. */
    interface Blocks {
        Blocks SEQUENTIAL = (count, task) -> {
            for (int b = 0; b < count; b++) {
                task.accept(b);
            }
        };

        void run(int count, java.util.function.IntConsumer task);
    }

    /** Examples per block of the output passes. */
    private static final int BLOCK = 64;

    /** Where the output passes run (the trainer's own pool). */
    void setBlocks(Blocks value) {
        this.blocks = value;
    }

    /** The per-neuron rotation angles of the last {@link #compute} (a live array: copy it). */
    double[] angles() {
        return angles;
    }

    Metrics compute(Network net, Loss loss, boolean outerTrainable, long step, double time, double logTime) {
        int m = net.width();
        double[] a = net.aData();
        double[] v = net.vData();
        double[] v0 = initial.vData();
        double[] a0 = initial.aData();
        double s = net.scale();
        // Weights far from 1 are brought to unit size first (a by aScale, v by c), so that sums of
        // squares and products never overflow; every quantity is scaled back, and the normalized
        // margins, angles and shares need no scaling at all.
        double c = 1;
        double aScale = 1;
        double big = outerTrainable ? Math.max(maxAbs(a), maxAbs(v)) : maxAbs(v);
        if (big > LARGE && Double.isFinite(big)) {
            c = big;
            aScale = outerTrainable ? big : 1;
            scaleInto(a, 1 / aScale, aWork);
            scaleInto(a0, 1 / aScale, a0Work);
            scaleInto(v, 1 / c, vWork);
            scaleInto(v0, 1 / c, v0Work);
            a = aWork;
            a0 = a0Work;
            v = vWork;
            v0 = v0Work;
        }
        double gFactor = aScale * c;

        ExampleSums e = examples(loss, s, gFactor, a, a0, v, v0, m);
        NeuronSums u = neurons(net, a, a0, v, v0, m);
        Arrays.sort(sorted, 0, u.counted);
        double median = u.counted == 0
                ? Double.NaN
                : u.counted % 2 == 1
                        ? sorted[u.counted / 2]
                        : 0.5 * (sorted[u.counted / 2 - 1] + sorted[u.counted / 2]);

        double frobeniusDenominator = outerTrainable ? u.sumA2 + u.sumV2 : Math.sqrt(u.sumV2);
        double ratio = aScale / c;
        double motion = c * Math.sqrt(ratio * ratio * u.motionA2 + u.motionV2);
        double weightNorm = c * Math.sqrt(ratio * ratio * u.sumA2 + u.sumV2);
        double logRisk = Kernel.logSumExp(logLoss, n) - Math.log(n);
        // ⟨∇f(x; W₀), W − W₀⟩ = s Σ_j [σ(v₀_j·x) Δa_j + a₀_j 1[v₀_j·x > 0] Δv_j·x], summed on the rescaled
        // weights (hence the factor gFactor) and divided by the unscaled motion.
        double displacement = motion > 0 ? s * gFactor * e.minTangent / motion : Double.NaN;
        return Metrics.builder()
                .step(step)
                .time(time)
                .logTime(logTime)
                .risk(e.riskSum / n)
                .logRisk(logRisk)
                .trainError((double) e.trainErrors / n)
                .testError(nTest == 0 ? Double.NaN : (double) e.testErrors / nTest)
                .minMargin(s * gFactor * e.minYg)
                .worstIndex(e.worst)
                .marginFrobenius(e.minYg / frobeniusDenominator)
                .marginPath(e.minYg / u.path)
                .weightNorm(weightNorm)
                .pathNorm(gFactor * u.path)
                .rotationMean(u.counted == 0 ? Double.NaN : u.angleSum / u.counted)
                .rotationMedian(median)
                .rotationMax(u.counted == 0 ? Double.NaN : u.angleMax)
                .rotationWeighted(
                        u.counted == 0
                                ? Double.NaN
                                : u.angleWeightSum > 0 ? u.weightedAngle / u.angleWeightSum : u.angleSum / u.counted)
                .motion(motion)
                .motionPerSqrtM(motion / Math.sqrt(m))
                .patternsChanged((double) e.changed / ((double) n * m))
                .featureShare(parity ? (u.weightSum > 0 ? u.shareSum / u.weightSum : Double.NaN) : Double.NaN)
                .centreAlignment(groups > 0 ? (u.weightSum > 0 ? u.alignSum / u.weightSum : Double.NaN) : Double.NaN)
                // On the rescaled weights: the weighted mean of cosines does not change with the scale.
                .optimalAlignment(atoms == null ? Double.NaN : atoms.alignment(a, v, m))
                .marginDisplacement(displacement)
                .zeroNeurons((double) u.zero / m)
                .flippedNorms(net.frozenDirections() ? (double) u.flipped / m : Double.NaN)
                .build();
    }

    /** The passes over the training and the test set: outputs in blocks (any thread), then every sum in example order. */
    private ExampleSums examples(
            Loss loss, double s, double gFactor, double[] a, double[] a0, double[] v, double[] v0, int m) {
        ExampleSums e = new ExampleSums();
        blocks.run(
                (n + BLOCK - 1) / BLOCK,
                b -> MetricsKernel.trainOutputs(
                        xs,
                        d,
                        b * BLOCK,
                        Math.min(n, (b + 1) * BLOCK),
                        a,
                        a0,
                        v,
                        v0,
                        m,
                        trainG,
                        trainTangent,
                        trainChanged));
        blocks.run(
                (nTest + BLOCK - 1) / BLOCK,
                b -> Kernel.signedOutputs(
                        testX,
                        testY,
                        d,
                        testIndex,
                        b * BLOCK,
                        Math.min(nTest, (b + 1) * BLOCK),
                        a,
                        v,
                        m,
                        1.0,
                        testZ,
                        false,
                        null));
        for (int i = 0; i < n; i++) {
            e.changed += trainChanged[i];
            double yg = ys[i] * trainG[i];
            e.minTangent = Math.min(e.minTangent, ys[i] * trainTangent[i]);
            double zi = s * gFactor * yg;
            e.riskSum += loss.value(zi);
            logLoss[i] = loss.logValue(zi);
            if (yg < e.minYg) {
                e.minYg = yg;
                e.worst = i;
            }
            if (yg <= 0) {
                e.trainErrors++;
            }
        }
        for (int i = 0; i < nTest; i++) {
            if (testZ[i] <= 0) {
                e.testErrors++;
            }
        }
        return e;
    }

    /** The pass over the neurons, in index order: norms, motion, angles, feature share and centre alignment. */
    private NeuronSums neurons(Network net, double[] a, double[] a0, double[] v, double[] v0, int m) {
        NeuronSums u = new NeuronSums();
        for (int j = 0; j < m; j++) {
            int row = j * d;
            double vNorm2 = 0;
            double dv2 = 0;
            for (int k = 0; k < d; k++) {
                double vk = v[row + k];
                vNorm2 += vk * vk;
                double diff = vk - v0[row + k];
                dv2 += diff * diff;
            }
            double da = a[j] - a0[j];
            u.motionA2 += da * da;
            u.motionV2 += dv2;
            u.sumA2 += a[j] * a[j];
            u.sumV2 += vNorm2;
            double vNorm = Math.sqrt(vNorm2);
            double w = Math.abs(a[j]) * vNorm;
            u.path += w;
            double angle = net.frozenDirections()
                    ? Angles.frozenAngle(net.bData()[j], initial.bData()[j])
                    : Angles.angle(v, v0, row, d);
            angles[j] = angle;
            u.weightSum += w;
            boolean noDirection = net.frozenDirections()
                    ? net.bData()[j] == 0 || initial.bData()[j] == 0
                    : vNorm2 == 0 || isZero(v0, row, d);
            if (noDirection) {
                u.zero++;
            } else {
                // The no-rotation regime's line through v_j never turns; a sign change of b_j is u.counted apart.
                double lineAngle = net.frozenDirections() ? 0.0 : angle;
                if (net.frozenDirections() && angle == Math.PI) {
                    u.flipped++;
                }
                sorted[u.counted++] = lineAngle;
                u.angleSum += lineAngle;
                u.angleMax = Math.max(u.angleMax, lineAngle);
                u.weightedAngle += w * lineAngle;
                u.angleWeightSum += w;
            }
            if (parity && vNorm2 > 0) {
                u.shareSum += w * (v[row] * v[row] + v[row + 1] * v[row + 1]) / vNorm2;
            }
            if (groups > 0 && vNorm > 0) {
                u.alignSum += w * nearestCentreCosine(v, row, vNorm);
            }
        }
        return u;
    }

    /** What the example passes sum, in example order. */
    private static final class ExampleSums {
        double riskSum = 0;
        double minYg = Double.POSITIVE_INFINITY;
        int worst = -1;
        double minTangent = Double.POSITIVE_INFINITY;
        int trainErrors = 0;
        long changed = 0;
        int testErrors = 0;
    }

    /** What the neuron pass sums, in neuron order. */
    private static final class NeuronSums {
        double sumA2 = 0;
        double sumV2 = 0;
        double path = 0;
        double motionA2 = 0;
        double motionV2 = 0;
        double angleSum = 0;
        double angleMax = 0;
        double weightedAngle = 0;
        double weightSum = 0;
        double angleWeightSum = 0;
        int zero = 0;
        int flipped = 0;
        int counted = 0;
        double shareSum = 0;
        double alignSum = 0;
    }

    private static boolean isZero(double[] p, int row, int d) {
        for (int k = 0; k < d; k++) {
            if (p[row + k] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Above this size weights are rescaled before any sum of squares or product is formed. */
    static final double LARGE = 1e100;

    private static double maxAbs(double[] x) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static void scaleInto(double[] x, double factor, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * factor;
        }
    }

    private double nearestCentreCosine(double[] v, int row, double vNorm) {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < groups; k++) {
            double dot = 0;
            double cNorm2 = 0;
            for (int q = 0; q < d; q++) {
                double cq = centres[k * d + q];
                dot += v[row + q] * cq;
                cNorm2 += cq * cq;
            }
            best = Math.max(best, dot / (vNorm * Math.sqrt(cNorm2)));
        }
        return best;
    }
}
