package lowrot.run;

/**
 * When a run on its own thread pictures a step: paced in log GF time ({@link LogPace}: frame k is the first step
 * whose τ reaches τ_k, shown when its frame time comes), or, played as fast as possible, on a grid of
 * {@value #GRID_PER_DECADE} pictures per τ-decade so that the early phase is seen. The clock decides only when a
 * picture is shown, never which step a frame shows.
 */
final class FramePacer {
    /** Wall-clock time of one paced frame. */
    static final long FRAME_NANOS = Math.round(1e9 / LogPace.FRAMES_PER_SECOND);

    /** Snapshots per τ-decade taken early in a run played as fast as possible. */
    static final double GRID_PER_DECADE = 20;

    private LogPace pace;
    /** When the frames of the current pace started (frame k is due k frame times later). */
    private long pacedSince;
    /** When the next frame may be shown. */
    private long frameDeadline;

    private double nextGridTime;

    /** Plays at {@code decadesPerSecond} τ-decades per second from the next step on; 0: as fast as possible. */
    void setPace(double decadesPerSecond, long now) {
        pace = decadesPerSecond == 0 ? null : new LogPace(decadesPerSecond);
        frameDeadline = now;
        nextGridTime = 0;
    }

    /** Play after a pause: the frames start again from the next step's τ. */
    void restart(long now) {
        frameDeadline = now;
        if (pace != null) {
            pace = new LogPace(pace.decadesPerSecond());
        }
    }

    /** Whether the run is paced in log τ. */
    boolean paced() {
        return pace != null;
    }

    /** Whether the current step, at GF time tau, is the next frame's (the first to reach its τ_k). */
    boolean frameReached(double tau) {
        return pace != null && pace.started() && tau >= pace.nextTarget();
    }

    /** How long to wait before the reached frame may be shown. */
    long waitNanos(long now) {
        return frameDeadline - now;
    }

    /**
     * Counts the reached frame as shown at {@code now}. A frame that took longer than its time to reach or to
     * picture (a snapshot of a wide network costs tens of ms) makes the next one the frame due now, so τ keeps its
     * pace in decades per second: which frames are shown depends on the clock; each shows the step its τ_k calls for.
     */
    void frameShown(long now) {
        pace.frameShown();
        pace.skipTo((now - pacedSince) / FRAME_NANOS);
        frameDeadline = Math.max(frameDeadline + FRAME_NANOS, now);
    }

    /** After a step to GF time tau: pacing starts at the first step with τ &gt; 0. */
    void stepTaken(double tau, long now) {
        if (pace != null && !pace.started() && tau > 0) {
            pace.startAt(tau);
            pacedSince = now;
            frameDeadline = pacedSince + FRAME_NANOS;
        }
    }

    /** Played as fast as possible: whether tau has reached the next grid point. */
    boolean gridDue(double tau) {
        return pace == null && tau >= nextGridTime;
    }

    /** The grid point reached at tau was pictured: the next one is the next twentieth of a decade. */
    void gridShown(double tau) {
        nextGridTime = Math.pow(10, Math.floor(Math.log10(tau) * GRID_PER_DECADE + 1) / GRID_PER_DECADE);
    }

    /**
     * Whether a picture between frames is due: as fast as possible, every {@code stepsPerSnapshot} steps but at
     * most every {@code minSnapshotNanos}; paced and behind (a frame needs more steps than the machine takes in a
     * frame's time), every two frame times, so the picture keeps moving (such pictures do not count as frames).
     */
    boolean betweenFramesDue(long sinceSnapshot, int stepsPerSnapshot, long sinceLastNanos, long minSnapshotNanos) {
        return pace == null
                ? sinceSnapshot >= stepsPerSnapshot && sinceLastNanos >= minSnapshotNanos
                : sinceLastNanos >= Math.max(minSnapshotNanos, 2 * FRAME_NANOS);
    }
}
