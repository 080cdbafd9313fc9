package lowrot.run;

import lowrot.core.util.Problems;

/**
 * Playback in log GF time: the dynamics of the paper happen on a log scale, so a watchable run advances log τ by
 * the same amount every frame — few steps early, many late. Frame k (k ≥ 1) shows the first step whose τ reaches
 * τ_k = τ_s · 10^{k·δ}, where τ_s is the τ at which pacing started (the first step's τ when it started at
 * initialization) and δ = decades per second / {@link #FRAMES_PER_SECOND}. The wall clock decides only when a
 * frame is shown, never which step it shows or what training computes. A {@link TrainingRun} paces its frames
 * with it ({@link FramePacer}).
 */
public final class LogPace {
    /** Frames per second of paced playback. */
    public static final double FRAMES_PER_SECOND = 30;

    /** Slowest and fastest pace offered, in τ-decades per second. */
    public static final double MIN_DECADES_PER_SECOND = 0.01;

    /** Fastest pace offered, in τ-decades per second. */
    public static final double MAX_DECADES_PER_SECOND = 100;

    private final double decadesPerSecond;
    private final double decadesPerFrame;
    private double start = Double.NaN;
    private long frame;

    /** A pace of {@code decadesPerSecond} τ-decades per second of playback. */
    public LogPace(double decadesPerSecond) {
        new Problems()
                .range("speed (τ decades per second)", decadesPerSecond, MIN_DECADES_PER_SECOND, MAX_DECADES_PER_SECOND)
                .throwIfAny();
        this.decadesPerSecond = decadesPerSecond;
        this.decadesPerFrame = decadesPerSecond / FRAMES_PER_SECOND;
    }

    /** τ-decades per second of playback. */
    public double decadesPerSecond() {
        return decadesPerSecond;
    }

    /** τ-decades per frame. */
    public double decadesPerFrame() {
        return decadesPerFrame;
    }

    /** Whether frames are counted yet (they start at the first step with τ &gt; 0). */
    public boolean started() {
        return !Double.isNaN(start);
    }

    /** Starts counting frames from GF time tau (&gt; 0): frame 0 is at tau. */
    public void startAt(double tau) {
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("pacing starts at a GF time > 0, not " + tau);
        }
        start = tau;
        frame = 0;
    }

    /** The τ frame k must reach: τ_s · 10^{k·δ}. */
    public double target(long k) {
        return start * Math.pow(10, k * decadesPerFrame);
    }

    /** The τ of the next frame. */
    public double nextTarget() {
        return target(frame + 1);
    }

    /** Counts the next frame as shown. */
    public void frameShown() {
        frame++;
    }

    /**
     * Skips ahead so that the next frame is at least frame k + 1 (a player that cannot draw every frame in time
     * shows fewer frames, each still at its own τ_k, and keeps the pace in τ-decades per second).
     */
    public void skipTo(long k) {
        frame = Math.max(frame, k);
    }

    /** Frames shown since pacing started. */
    public long frames() {
        return frame;
    }
}
