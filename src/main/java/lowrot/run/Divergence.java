package lowrot.run;

import lowrot.core.train.Metrics;

/**
 * Decides when a run has diverged: a non-finite risk or weight, or a risk that has blown up far past
 * its value at the start (for the logistic loss, ln 2 at a zero output).
 */
public final class Divergence {
    /** Risk growth factor over the initial risk that counts as blowing up. */
    public static final double BLOW_UP_FACTOR = 1e6;

    private Divergence() {}

    /** A reason string if the step's risk shows divergence, otherwise null. */
    public static String check(double risk, double initialRisk) {
        if (!Double.isFinite(risk)) {
            return "the risk is no longer finite";
        }
        if (risk > BLOW_UP_FACTOR * Math.max(initialRisk, 1.0)) {
            return "the risk exceeded " + BLOW_UP_FACTOR + "× its initial value";
        }
        return null;
    }

    /** A reason if a snapshot shows divergence: a non-finite value, or a risk blown up past its start. */
    public static String check(Metrics m, double initialRisk) {
        String reason = check(m);
        if (reason == null && !Double.isFinite(m.time())) {
            reason = "the gradient-flow time τ outgrew the range of double precision";
        }
        return reason != null ? reason : check(m.risk(), initialRisk);
    }

    /** A reason string if any metric of a snapshot is non-finite where it must be finite, otherwise null. */
    public static String check(Metrics m) {
        if (!Double.isFinite(m.weightNorm()) || !Double.isFinite(m.motion())) {
            if (Double.isFinite(m.logRisk()) && m.logRisk() < -10) {
                // Not a blow-up: the loss-normalised flow grows ‖W‖ geometrically until doubles overflow.
                return "the weights outgrew the range of double precision while the risk was e^"
                        + Math.round(m.logRisk()) + " (loss-normalised steps grow ‖W‖ geometrically)";
            }
            return "a weight is no longer finite";
        }
        if (!Double.isFinite(m.risk()) && !Double.isFinite(m.logRisk())) {
            return "the risk is no longer finite";
        }
        return null;
    }
}
