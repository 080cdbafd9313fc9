package lowrot.core.train;

import java.util.Arrays;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.Loss;
import lowrot.core.model.Network;
import lowrot.core.step.Engine;
import lowrot.core.step.Kernel;
import lowrot.core.step.VectorKernel;

/**
 * Computes {@link Metrics} in one pass over the training set (outputs, margins, activation
 * patterns) and one over the test set, with preallocated work arrays. Owned by the trainer's thread.
 */
final class MetricsCalculator {
    private final Network initial;
    private final DatasetKind kind;
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

    MetricsCalculator(Network initial, Dataset train, Dataset test) {
        this.initial = initial;
        this.kind = train.kind();
        this.n = train.n();
        this.nTest = test.n();
        this.d = train.d();
        this.xs = train.copyX();
        this.ys = train.copyY();
        this.testX = test.copyX();
        this.testY = test.copyY();
        this.centres = train.copyCentres();
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

        double riskSum = 0;
        double minYg = Double.POSITIVE_INFINITY;
        int worst = -1;
        double minTangent = Double.POSITIVE_INFINITY;
        int trainErrors = 0;
        long changed = 0;
        // Outputs per example in blocks (any thread), then every sum in example order: the thread
        // count never changes a bit.
        final double[] fa = a;
        final double[] fv = v;
        final double[] fv0 = v0;
        final double[] fa0 = a0;
        blocks.run(
                (n + BLOCK - 1) / BLOCK,
                b -> trainOutputs(b * BLOCK, Math.min(n, (b + 1) * BLOCK), fa, fa0, fv, fv0, m));
        blocks.run(
                (nTest + BLOCK - 1) / BLOCK,
                b -> Kernel.signedOutputs(
                        testX,
                        testY,
                        d,
                        testIndex,
                        b * BLOCK,
                        Math.min(nTest, (b + 1) * BLOCK),
                        fa,
                        fv,
                        m,
                        1.0,
                        testZ,
                        false,
                        null));
        for (int i = 0; i < n; i++) {
            changed += trainChanged[i];
            double yg = ys[i] * trainG[i];
            minTangent = Math.min(minTangent, ys[i] * trainTangent[i]);
            double zi = s * gFactor * yg;
            riskSum += loss.value(zi);
            logLoss[i] = loss.logValue(zi);
            if (yg < minYg) {
                minYg = yg;
                worst = i;
            }
            if (yg <= 0) {
                trainErrors++;
            }
        }
        int testErrors = 0;
        for (int i = 0; i < nTest; i++) {
            if (testZ[i] <= 0) {
                testErrors++;
            }
        }

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
        boolean parity = kind == DatasetKind.PARITY;
        int groups = centres.length / d;
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
            motionA2 += da * da;
            motionV2 += dv2;
            sumA2 += a[j] * a[j];
            sumV2 += vNorm2;
            double vNorm = Math.sqrt(vNorm2);
            double w = Math.abs(a[j]) * vNorm;
            path += w;
            double angle =
                    net.frozenDirections() ? frozenAngle(net.bData()[j], initial.bData()[j]) : angle(v, v0, row, d);
            angles[j] = angle;
            weightSum += w;
            boolean noDirection = net.frozenDirections()
                    ? net.bData()[j] == 0 || initial.bData()[j] == 0
                    : vNorm2 == 0 || isZero(v0, row, d);
            if (noDirection) {
                zero++;
            } else {
                // The no-rotation regime's line through v_j never turns; a sign change of b_j is counted apart.
                double lineAngle = net.frozenDirections() ? 0.0 : angle;
                if (net.frozenDirections() && angle == Math.PI) {
                    flipped++;
                }
                sorted[counted++] = lineAngle;
                angleSum += lineAngle;
                angleMax = Math.max(angleMax, lineAngle);
                weightedAngle += w * lineAngle;
                angleWeightSum += w;
            }
            if (parity && vNorm2 > 0) {
                shareSum += w * (v[row] * v[row] + v[row + 1] * v[row + 1]) / vNorm2;
            }
            if (groups > 0 && vNorm > 0) {
                alignSum += w * nearestCentreCosine(v, row, vNorm);
            }
        }
        Arrays.sort(sorted, 0, counted);
        double median = counted == 0
                ? Double.NaN
                : counted % 2 == 1 ? sorted[counted / 2] : 0.5 * (sorted[counted / 2 - 1] + sorted[counted / 2]);

        double frobeniusDenominator = outerTrainable ? sumA2 + sumV2 : Math.sqrt(sumV2);
        double ratio = aScale / c;
        double motion = c * Math.sqrt(ratio * ratio * motionA2 + motionV2);
        double weightNorm = c * Math.sqrt(ratio * ratio * sumA2 + sumV2);
        double logRisk = Kernel.logSumExp(logLoss, n) - Math.log(n);
        // ⟨∇f(x; W₀), W − W₀⟩ = s Σ_j [σ(v₀_j·x) Δa_j + a₀_j 1[v₀_j·x > 0] Δv_j·x], summed on the rescaled
        // weights (hence the factor gFactor) and divided by the unscaled motion.
        double displacement = motion > 0 ? s * gFactor * minTangent / motion : Double.NaN;
        return new Metrics(
                step,
                time,
                logTime,
                riskSum / n,
                logRisk,
                (double) trainErrors / n,
                nTest == 0 ? Double.NaN : (double) testErrors / nTest,
                s * gFactor * minYg,
                worst,
                minYg / frobeniusDenominator,
                minYg / path,
                weightNorm,
                gFactor * path,
                counted == 0 ? Double.NaN : angleSum / counted,
                median,
                counted == 0 ? Double.NaN : angleMax,
                counted == 0 ? Double.NaN : angleWeightSum > 0 ? weightedAngle / angleWeightSum : angleSum / counted,
                motion,
                motion / Math.sqrt(m),
                (double) changed / ((double) n * m),
                parity ? (weightSum > 0 ? shareSum / weightSum : Double.NaN) : Double.NaN,
                groups > 0 ? (weightSum > 0 ? alignSum / weightSum : Double.NaN) : Double.NaN,
                displacement,
                (double) zero / m,
                net.frozenDirections() ? (double) flipped / m : Double.NaN);
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

    /**
     * g(x_i), the number of neurons whose activation on x_i differs from initialization, and the
     * linearized change Σ_j [σ(h0_j) Δa_j + a0_j 1[h0_j > 0] (h_j − h0_j)] (h = v·x, h0 = v0·x), for i in [i0, i1).
     */
    private void trainOutputs(int i0, int i1, double[] a, double[] a0, double[] v, double[] v0, int m) {
        if (d == 2) {
            // The plane written out, as in the step's kernels; (0 + p) + q = p + q, so the bits are the same.
            for (int i = i0; i < i1; i++) {
                double x0 = xs[2 * i];
                double x1 = xs[2 * i + 1];
                double g = 0;
                double t = 0;
                int changed = 0;
                for (int j = 0; j < m; j++) {
                    double h = v[2 * j] * x0 + v[2 * j + 1] * x1;
                    double h0 = v0[2 * j] * x0 + v0[2 * j + 1] * x1;
                    g += a[j] * Math.max(h, 0.0);
                    t += tangentTerm(a[j], a0[j], h, h0);
                    changed += signsDiffer(h, h0);
                }
                trainG[i] = g;
                trainTangent[i] = t;
                trainChanged[i] = changed;
            }
            return;
        }
        int from = i0;
        if (Engine.current() == Engine.VECTOR) {
            // The same operations per example on SIMD lanes, the same bits; the scalar loop finishes the rest.
            from = VectorKernel.trainOutputs(xs, d, i0, i1, a, a0, v, v0, m, trainG, trainTangent, trainChanged);
        }
        for (int i = from; i < i1; i++) {
            int xo = i * d;
            double g = 0;
            double t = 0;
            int changed = 0;
            for (int j = 0; j < m; j++) {
                int row = j * d;
                double h = 0;
                double h0 = 0;
                for (int k = 0; k < d; k++) {
                    double xk = xs[xo + k];
                    h += v[row + k] * xk;
                    h0 += v0[row + k] * xk;
                }
                // Branch-free (the signs are unpredictable); adding a_j·0 = ±0 leaves g's bits unchanged.
                g += a[j] * Math.max(h, 0.0);
                t += tangentTerm(a[j], a0[j], h, h0);
                changed += signsDiffer(h, h0);
            }
            trainG[i] = g;
            trainTangent[i] = t;
            trainChanged[i] = changed;
        }
    }

    /** One neuron's term of ⟨∇g(x; W₀), W − W₀⟩: σ(h0) Δa + a0 · 1[h0 &gt; 0] · (h − h0), with ReLU'(0) = 0. */
    private static double tangentTerm(double a, double a0, double h, double h0) {
        return (a - a0) * Math.max(h0, 0.0) + (h0 > 0 ? a0 * (h - h0) : 0.0);
    }

    /**
     * 1 when exactly one of h, h0 is negative, else 0 — that is, 1[h ≥ 0] ≠ 1[h0 ≥ 0] — without a
     * branch the processor would mispredict: the sign bits after adding +0.0, which turns −0.0 into +0.0.
     */
    static int signsDiffer(double h, double h0) {
        return (int) ((Double.doubleToRawLongBits(h + 0.0) ^ Double.doubleToRawLongBits(h0 + 0.0)) >>> 63);
    }

    private double nearestCentreCosine(double[] v, int row, double vNorm) {
        double best = Double.NEGATIVE_INFINITY;
        int groups = centres.length / d;
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

    /**
     * ∠(p, q) = 2·atan2(‖p̂ − q̂‖, ‖p̂ + q̂‖) (Kahan): accurate for tiny angles, where acos of the
     * cosine loses half the digits. A zero vector has no direction; its angle is taken as π/2.
     */
    static double angle(double[] p, double[] q, int row, int d) {
        double pn = 0;
        double qn = 0;
        for (int k = 0; k < d; k++) {
            pn += p[row + k] * p[row + k];
            qn += q[row + k] * q[row + k];
        }
        if (pn == 0 || qn == 0) {
            return Math.PI / 2;
        }
        pn = Math.sqrt(pn);
        qn = Math.sqrt(qn);
        double diff = 0;
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double pk = p[row + k] / pn;
            double qk = q[row + k] / qn;
            diff += (pk - qk) * (pk - qk);
            sum += (pk + qk) * (pk + qk);
        }
        return 2 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
    }

    /** With v_j = b_j u_j and u_j fixed, the direction can only keep its sign (0) or flip (π). */
    static double frozenAngle(double b, double b0) {
        if (b == 0 || b0 == 0) {
            return Math.PI / 2;
        }
        return (b > 0) == (b0 > 0) ? 0.0 : Math.PI;
    }
}
