package lowrot.core.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lowrot.core.util.Rng;

/**
 * From sample-complexity cells to exponents: the n each (learner, d, seed) needs for test error ε, their
 * geometric mean over seeds per d, the least-squares power law n_ε ∝ d^k over d, and a bootstrap interval for k
 * over seeds.
 */
public final class ComplexityAnalysis {
    /** Bootstrap resamples of the seeds. */
    public static final int RESAMPLES = 2000;

    private static final long BOOTSTRAP_SEED = 20_190_601;

    /** The n one chain needs for ε: NaN when its largest n stayed above ε. */
    public record Needed(Learner learner, int d, long seed, double n) {}

    /**
     * n_ε at one d: the geometric mean over seeds; {@code reached} of {@code seeds} reached ε. Only a d where
     * every seed reached ε enters the fit (a mean over the seeds that did would be biased low).
     */
    public record Point(Learner learner, int d, double n, int reached, int seeds) {
        public boolean complete() {
            return reached == seeds && seeds > 0;
        }
    }

    /**
     * The fitted exponent of one learner: least squares on log n_ε against log d over the complete points,
     * with its t interval ({@code fit}) and the bootstrap 95 % percentile interval over seeds.
     */
    public record Exponent(Learner learner, Fits.PowerLaw fit, double bootstrapLow, double bootstrapHigh) {
        /** Whether the bootstrap interval excludes the other rate (1 for kernel learners, 2 for the others). */
        public String verdict() {
            int predicted = learner.predictedExponent();
            int other = 3 - predicted;
            boolean containsPredicted = bootstrapLow <= predicted && predicted <= bootstrapHigh;
            boolean containsOther = bootstrapLow <= other && other <= bootstrapHigh;
            if (containsOther && !containsPredicted) {
                return "agrees with the other rate (d^" + other + "), not the predicted d^" + predicted;
            }
            if (containsOther) {
                return "cannot tell d^1 from d^2";
            }
            double distPredicted = Math.abs(fit.slope() - predicted);
            double distOther = Math.abs(fit.slope() - other);
            return distPredicted < distOther
                    ? (containsPredicted ? "agrees with" : "closer to") + " the predicted d^" + predicted
                    : "closer to d^" + other + " than to the predicted d^" + predicted;
        }
    }

    private ComplexityAnalysis() {}

    /**
     * Per chain, the first n of the grid at which the test error is at most ε, interpolated linearly in
     * (ln n, error) from the size before it; the smallest size itself when it already reaches ε.
     */
    public static List<Needed> needed(List<SampleComplexity.Cell> cells, double epsilon) {
        Map<SampleComplexity.Chain, List<SampleComplexity.Cell>> chains = byChain(cells);
        List<Needed> out = new ArrayList<>();
        for (var e : chains.entrySet()) {
            List<SampleComplexity.Cell> c = new ArrayList<>(e.getValue());
            c.sort((a, b) -> Integer.compare(a.n(), b.n()));
            double found = Double.NaN;
            for (int i = 0; i < c.size(); i++) {
                double err = c.get(i).testError();
                if (err <= epsilon) {
                    if (i == 0) {
                        found = c.get(i).n();
                    } else {
                        double prevErr = c.get(i - 1).testError();
                        double prevLog = Math.log(c.get(i - 1).n());
                        double frac = (prevErr - epsilon) / (prevErr - err);
                        found = Math.exp(prevLog + frac * (Math.log(c.get(i).n()) - prevLog));
                    }
                    break;
                }
            }
            SampleComplexity.Chain ch = e.getKey();
            out.add(new Needed(ch.learner(), ch.d(), ch.seed(), found));
        }
        return out;
    }

    /** Geometric means over seeds, per learner and d, in the order the needed list first names them. */
    public static List<Point> points(List<Needed> needed) {
        Map<List<Object>, List<Needed>> groups = new LinkedHashMap<>();
        for (Needed nd : needed) {
            groups.computeIfAbsent(List.of(nd.learner(), nd.d()), k -> new ArrayList<>())
                    .add(nd);
        }
        List<Point> out = new ArrayList<>();
        for (List<Needed> g : groups.values()) {
            double logSum = 0;
            int reached = 0;
            for (Needed nd : g) {
                if (nd.n() > 0) {
                    logSum += Math.log(nd.n());
                    reached++;
                }
            }
            out.add(new Point(
                    g.get(0).learner(),
                    g.get(0).d(),
                    reached == 0 ? Double.NaN : Math.exp(logSum / reached),
                    reached,
                    g.size()));
        }
        return out;
    }

    /**
     * The exponent of one learner, or null when fewer than 3 dimensions are complete. The bootstrap draws the
     * seeds with replacement ({@link #RESAMPLES} times, a fixed RNG seed), one draw shared by every d, and refits.
     */
    public static Exponent exponent(List<Needed> needed, Learner learner) {
        List<Point> complete = new ArrayList<>();
        for (Point p : points(needed)) {
            if (p.learner() == learner && p.complete()) {
                complete.add(p);
            }
        }
        if (complete.size() < 3) {
            return null;
        }
        double[] x = complete.stream().mapToDouble(Point::d).toArray();
        double[] y = complete.stream().mapToDouble(Point::n).toArray();
        Fits.PowerLaw fit = Fits.powerLaw(x, y);
        // logN[di][s]: ln n_ε of seed s at the di-th complete d, seeds in the order first met.
        List<Long> seeds = new ArrayList<>();
        for (Needed nd : needed) {
            if (nd.learner() == learner && !seeds.contains(nd.seed())) {
                seeds.add(nd.seed());
            }
        }
        double[][] logN = new double[complete.size()][seeds.size()];
        for (Needed nd : needed) {
            for (int di = 0; di < complete.size(); di++) {
                if (nd.learner() == learner && nd.d() == complete.get(di).d()) {
                    logN[di][seeds.indexOf(nd.seed())] = Math.log(nd.n());
                }
            }
        }
        Rng rng = new Rng(BOOTSTRAP_SEED);
        double[] slopes = new double[RESAMPLES];
        int[] draw = new int[seeds.size()];
        double[] yb = new double[complete.size()];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int s = 0; s < draw.length; s++) {
                draw[s] = rng.nextInt(draw.length);
            }
            for (int di = 0; di < complete.size(); di++) {
                double sum = 0;
                for (int s : draw) {
                    sum += logN[di][s];
                }
                yb[di] = Math.exp(sum / draw.length);
            }
            slopes[b] = Fits.powerLaw(x, yb).slope();
        }
        Arrays.sort(slopes);
        return new Exponent(
                learner,
                fit,
                slopes[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                slopes[(int) Math.ceil(0.975 * (RESAMPLES - 1))]);
    }

    /** Every learner's exponent in {@link Learner} order (null for a learner without one). */
    public static List<Exponent> exponents(List<Needed> needed) {
        List<Exponent> out = new ArrayList<>();
        for (Learner l : Learner.values()) {
            out.add(exponent(needed, l));
        }
        return out;
    }

    /** Mean test error over seeds at (learner, d, n), over the chains that ran that n (NaN if none did). */
    public static double meanError(List<SampleComplexity.Cell> cells, Learner learner, int d, int n) {
        double sum = 0;
        int k = 0;
        for (SampleComplexity.Cell c : cells) {
            if (c.learner() == learner && c.d() == d && c.n() == n) {
                sum += c.testError();
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    private static Map<SampleComplexity.Chain, List<SampleComplexity.Cell>> byChain(List<SampleComplexity.Cell> cells) {
        Map<SampleComplexity.Chain, List<SampleComplexity.Cell>> out = new LinkedHashMap<>();
        for (SampleComplexity.Cell c : cells) {
            out.computeIfAbsent(new SampleComplexity.Chain(c.learner(), c.d(), c.seed()), k -> new ArrayList<>())
                    .add(c);
        }
        return out;
    }

    /**
     * One line per learner run: the measured exponent, both intervals, the paper's rate and the verdict; then
     * what the learners did beside their error (rotation near initialization, certificates of the max-margin
     * programs, feature share in the rich regime).
     */
    public static List<String> summary(ComplexityPlan plan, List<SampleComplexity.Cell> cells) {
        List<Needed> needed = needed(cells, plan.settings().epsilon());
        List<String> out = new ArrayList<>();
        for (Learner l : Learner.values()) {
            if (plan.dims(l).length == 0) {
                continue;
            }
            Exponent e = exponent(needed, l);
            out.add(String.format(
                    Locale.ROOT,
                    "%-24s %s",
                    l.label() + ":",
                    e == null
                            ? "fewer than 3 dimensions reached ε with every seed — no exponent"
                            : String.format(
                                    Locale.ROOT,
                                    "n ∝ d^%.2f (95 %% bootstrap over seeds %.2f to %.2f; t interval %.2f"
                                            + " to %.2f); the paper predicts d^%d — %s",
                                    e.fit().slope(),
                                    e.bootstrapLow(),
                                    e.bootstrapHigh(),
                                    e.fit().lower95(),
                                    e.fit().upper95(),
                                    l.predictedExponent(),
                                    e.verdict())));
        }
        out.addAll(facts(cells));
        return out;
    }

    /** What the learners did beside their test error, from the cells. */
    public static List<String> facts(List<SampleComplexity.Cell> cells) {
        List<String> out = new ArrayList<>();
        double meanLo = Double.POSITIVE_INFINITY;
        double meanHi = 0;
        double maxHi = 0;
        double shareSum = 0;
        int shares = 0;
        int certified = 0;
        int open = 0;
        int lowerOnly = 0;
        for (SampleComplexity.Cell c : cells) {
            if (c.learner() == Learner.NEAR_INITIALIZATION) {
                meanLo = Math.min(meanLo, c.rotationMeanDegrees());
                meanHi = Math.max(meanHi, c.rotationMeanDegrees());
                maxHi = Math.max(maxHi, c.rotationMaxDegrees());
            } else if (c.learner() == Learner.RICH && c.testError() <= 0.05 && Double.isFinite(c.featureShare())) {
                shareSum += c.featureShare();
                shares++;
            } else if (c.learner() == Learner.MAX_MARGIN) {
                switch (c.certificate()) {
                    case "certified" -> certified++;
                    case "certified, gap open" -> open++;
                    default -> lowerOnly++;
                }
            }
        }
        if (meanHi > 0) {
            out.add(String.format(
                    Locale.ROOT,
                    "GF near initialization rotated its neurons by %.1f° to %.1f° on average"
                            + " (largest single neuron %.1f°).",
                    meanLo,
                    meanHi,
                    maxHi));
        }
        if (certified + open + lowerOnly > 0) {
            out.add(String.format(
                    Locale.ROOT,
                    "Max-margin programs: %d certified to the tolerance, %d with a proven"
                            + " but open gap (the network is the best found, not proven optimal), %d lower bound only.",
                    certified,
                    open,
                    lowerOnly));
        }
        if (shares > 0) {
            out.add(String.format(
                    Locale.ROOT,
                    "GF rich regime where it learnt (test error ≤ 0.05): mean feature share"
                            + " on coordinates 1 and 2 %.2f over %d runs.",
                    shareSum / shares,
                    shares));
        }
        return out;
    }
}
