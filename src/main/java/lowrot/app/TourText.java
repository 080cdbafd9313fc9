package lowrot.app;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import lowrot.core.experiment.ComplexityAnalysis;
import lowrot.core.train.Metrics;

/**
 * The sentences of each tour stop, written from the live run ({@link TourReadings}) and, at the last stop, from the
 * shipped sample-complexity results. No number is typed into the text: each is read from the run or the file at
 * the moment the text is written. The wording follows science.md and docs/math.md and claims nothing beyond them.
 */
final class TourText {
    private TourText() {}

    /**
     * The text of stop {@code index}.
     *
     * @param widths     the laziness stop's record: mean rotation (radians) at its τ target, per width reached
     * @param complexity the shipped results, or null while they are read
     * @param problem    why the shipped results could not be read, or null
     */
    static String of(
            int index,
            TourStop stop,
            TourReadings r,
            SortedMap<Integer, Double> widths,
            ShippedComplexity complexity,
            String problem) {
        if (stop.live() && !r.started()) {
            return "Loading the run…";
        }
        Metrics now = r.latest();
        return switch (index) {
            case 0 -> nearInitialization(stop, r, now);
            case 1 -> laziness(stop, r, now, widths);
            case 2 -> neuralCollapse(r, now);
            case 3 -> noRotation(r, now);
            case 4 -> parity(r, now);
            default -> complexity(complexity, problem);
        };
    }

    private static String at(Metrics m) {
        return "τ = " + TourReadings.time(m.time());
    }

    private static String nearInitialization(TourStop stop, TourReadings r, Metrics now) {
        return "m = " + r.width() + " neurons, GF time " + at(now) + " (the run pauses at τ = "
                + TourReadings.time(stop.targetTime()) + "). The circle shows the neurons' directions: since"
                + " initialization they have turned by " + TourReadings.degrees(now.rotationMean())
                + " on average and " + TourReadings.degrees(now.rotationMax()) + " at most, and the training error is "
                + TourReadings.percent(now.trainError()) + ".\n"
                + "The outlined chart is in kernel units: the displacement's tangent margin"
                + " min_i y_i⟨∇f(x_i; W₀), W − W₀⟩ / ‖W − W₀‖ is " + TourReadings.num(now.marginDisplacement())
                + ", against " + r.ntk() + ". The paper: until the weights have moved by O(√m), GF attains at least"
                + " the order of the NTK margin; here ‖W − W₀‖ / √m = " + TourReadings.num(now.motionPerSqrtM()) + ".";
    }

    private static String laziness(TourStop stop, TourReadings r, Metrics now, SortedMap<Integer, Double> widths) {
        StringBuilder b = new StringBuilder("Drag the width slider: each width restarts the run and plays to τ = "
                + TourReadings.time(stop.targetTime()) + ". At m = " + r.width() + " and " + at(now)
                + " the mean rotation is " + TourReadings.degrees(now.rotationMean()) + " (√m × mean rotation = "
                + TourReadings.num(Math.sqrt(r.width()) * now.rotationMean()) + " rad).\n");
        if (widths.isEmpty()) {
            b.append("No width has reached τ = ")
                    .append(TourReadings.time(stop.targetTime()))
                    .append(" yet.");
        } else {
            b.append("Mean rotation at τ = ")
                    .append(TourReadings.time(stop.targetTime()))
                    .append(": ");
            String sep = "";
            for (Map.Entry<Integer, Double> e : widths.entrySet()) {
                b.append(sep).append("m = ").append(e.getKey()).append(": ").append(TourReadings.degrees(e.getValue()));
                sep = ", ";
            }
            if (widths.size() >= 2) {
                b.append("; from m = ")
                        .append(widths.firstKey())
                        .append(" to ")
                        .append(widths.lastKey())
                        .append(" it scales as m^")
                        .append(exponentText(scaling(widths)));
            } else {
                b.append("; try a width four times larger");
            }
            b.append('.');
        }
        b.append(" With the 1/√m output scale each neuron's gradient carries a factor 1/√m, so while the risk"
                + " follows the same course at every width, the rotation at fixed τ falls like m^−½ (four times the"
                + " width, half the rotation): compare the exponent with −0.5.");
        return b.toString();
    }

    /** The exponent k of rotation ∝ m^k between the smallest and the largest width reached. */
    static double scaling(SortedMap<Integer, Double> widths) {
        int a = widths.firstKey();
        int b = widths.lastKey();
        return Math.log(widths.get(b) / widths.get(a)) / Math.log((double) b / a);
    }

    static String exponentText(double k) {
        return String.format(Locale.ROOT, "%.2f", k).replace('-', '−');
    }

    private static String neuralCollapse(TourReadings r, Metrics now) {
        return "Four well-separated groups with alternating labels, d = 2, m = " + r.width() + ". The dashed lines"
                + " through the circle are the atoms of the max-margin network, the certified optimum of the global-margin"
                + " program.\n"
                + "The outlined chart: the cosine of each neuron to the nearest atom of its output sign, weighted by"
                + " |a_j|‖v_j‖, went from " + TourReadings.num(r.first().optimalAlignment()) + " at τ = 0 to "
                + TourReadings.num(now.optimalAlignment()) + " at " + at(now)
                + ": the neurons gather on the max-margin network's directions. Normalized margin γ_P = "
                + TourReadings.num(now.marginPath()) + "; " + r.global() + ".";
    }

    private static String noRotation(TourReadings r, Metrics now) {
        String flipped = Metrics.applies(now.flippedNorms()) && now.flippedNorms() > 0
                ? " (" + TourReadings.percent(now.flippedNorms()) + " of the b_j changed sign: those neurons point"
                        + " the other way along their line)"
                : "";
        return "Each v_j = b_j u_j keeps its initial direction u_j; only the norms b_j and the outer weights a_j"
                + " train, so the largest rotation is " + TourReadings.degrees(now.rotationMax()) + flipped + ".\n"
                + "The outlined chart: γ_P = " + TourReadings.num(now.marginPath()) + " at " + at(now)
                + ", rising toward " + r.noRotation() + " — the best margin these " + r.width()
                + " frozen directions allow — and " + r.global() + " over networks of any width. The paper: with"
                + " large width, GF in this regime reaches the globally maximal margin.";
    }

    private static String parity(TourReadings r, Metrics now) {
        int d = r.latestSnapshot().dim();
        return "2-sparse parity in d = " + d + ": y = sign(x₁x₂), the other " + (d - 2) + " coordinates are noise."
                + " From a small initialization (α = 0.1) the weighted share of ‖v_j‖² on x₁ and x₂ went from "
                + TourReadings.num(r.first().featureShare()) + " to " + TourReadings.num(now.featureShare()) + " at "
                + at(now) + " (a random direction puts 2/d = " + TourReadings.num(2.0 / d)
                + " there): the network selected its features.\n"
                + "The circle shows the learned plane, the top two principal directions of the neurons; its overlap"
                + " with the e₁–e₂ plane is "
                + TourReadings.num(r.latestSnapshot().learnedPlane().overlap())
                + " (1: the same plane). Test error " + TourReadings.percent(now.testError()) + ".";
    }

    private static String complexity(ShippedComplexity c, String problem) {
        if (problem != null) {
            return "The shipped sample-complexity results could not be read: " + problem;
        }
        if (c == null) {
            return "Reading the shipped sample-complexity results…";
        }
        StringBuilder b = new StringBuilder("How many samples does each learner need for test error ≤ "
                + TourReadings.num(c.epsilon()) + " on 2-sparse parity? From the results shipped with lowrot"
                + " (lowrot complexity with its default plan, d = " + c.dims().first() + " to "
                + c.dims().last()
                + ", " + c.seeds() + " seeds), fitting n ∝ d^k:");
        String sep = " ";
        for (ComplexityAnalysis.Exponent e : c.exponents()) {
            b.append(sep)
                    .append(e.learner().label())
                    .append(" k = ")
                    .append(exponentText(e.fit().slope()))
                    .append(" (95 % bootstrap ")
                    .append(exponentText(e.bootstrapLow()))
                    .append(" to ")
                    .append(exponentText(e.bootstrapHigh()))
                    .append(')');
            sep = ", ";
        }
        b.append(".\nThe paper: kernel methods need about d² samples (γ_ntk = Θ(1/d)), max-margin networks about d"
                + " (γ_gl = Θ(1/√d)). Run your own in View → Experiments…, Sample complexity (parity).");
        return b.toString();
    }
}
