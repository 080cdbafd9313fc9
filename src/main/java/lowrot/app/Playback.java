package lowrot.app;

/**
 * How the window plays a run: the pace in τ-decades per second (0: as fast as possible) and the GF time at which
 * it pauses (0: none; the step target is the config's run.steps), and how far a run is toward its target.
 */
final class Playback {
    /** The pace a new window plays at: half a τ-decade per second. */
    static final double DEFAULT_PACE = 0.5;

    private double pace = DEFAULT_PACE;
    private double targetTime;

    double pace() {
        return pace;
    }

    void setPace(double decadesPerSecond) {
        pace = decadesPerSecond;
    }

    double targetTime() {
        return targetTime;
    }

    /** Sets the τ target; returns the problem (in the field's words), or null. */
    String setTargetTime(double time) {
        if (time != 0 && !(time >= 1e-6 && time <= 1e300)) {
            return "stop at τ = " + time + ": allowed 1e-6 to 1e300, or empty for no τ target";
        }
        targetTime = time;
        return null;
    }

    /**
     * How far a run at (step, τ) is toward its target, in [0, 1]: the larger of step / targetSteps and
     * log(1 + τ) / log(1 + target τ) (log τ is the run's natural clock); NaN without a target.
     */
    double progress(long step, double time, long targetSteps) {
        double p = Double.NaN;
        if (targetSteps > 0) {
            p = Math.min(1, (double) step / targetSteps);
        }
        if (targetTime > 0) {
            double q = Math.min(1, Math.log1p(time) / Math.log1p(targetTime));
            p = Double.isNaN(p) ? q : Math.max(p, q);
        }
        return p;
    }
}
