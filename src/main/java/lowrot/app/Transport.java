package lowrot.app;

import java.util.concurrent.CompletableFuture;
import lowrot.core.data.DataSplit;
import lowrot.core.model.MaxMarginAtoms;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Snapshot;
import lowrot.io.LabConfig;
import lowrot.run.RunClock;
import lowrot.run.RunListener;
import lowrot.run.TrainingRun;

/**
 * The session's transport: whether the run plays, the steps of one Step, the pace in τ-decades per second and the
 * τ target ({@link Playback}); its commands go to the session's current run. No Nodes; runs on the session's thread.
 */
final class Transport {
    private final LabSession session;
    private final Playback playback = new Playback();
    private boolean playing;
    private int stepsPerFrame = 10;

    Transport(LabSession session) {
        this.session = session;
    }

    /**
     * Starts a run of {@code config} (snapshots at most every 30 ms, recorded every {@code config.every()} steps)
     * with the transport's steps per frame, pace and targets and the alignment metric's {@code atoms} (see
     * {@link TrainingRun}); it plays if the old one did.
     */
    TrainingRun newRun(
            long runId,
            RunConfig rc,
            DataSplit data,
            LabConfig config,
            Runnable threadStart,
            RunListener listener,
            CompletableFuture<MaxMarginAtoms> atoms) {
        TrainingRun run = new TrainingRun(
                runId,
                rc,
                data,
                stepsPerFrame,
                30_000_000L,
                config.every(),
                threadStart,
                listener,
                RunClock.SYSTEM,
                atoms);
        run.setPace(playback.pace());
        run.setTarget(config.steps(), playback.targetTime());
        if (playing) {
            run.play();
        }
        return run;
    }

    void play() {
        if (session.replaying()) {
            session.reset();
        }
        TrainingRun run = session.run();
        if (run == null) {
            return;
        }
        playing = true;
        run.play();
        session.statusChanged();
    }

    void pause() {
        playing = false;
        TrainingRun run = session.run();
        if (run != null) {
            run.pause();
        }
        session.statusChanged();
    }

    void togglePlay() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    /** One frame's worth of steps, then paused. */
    void step() {
        if (session.replaying()) {
            session.reset();
        }
        playing = false;
        session.run().step(stepsPerFrame);
        session.statusChanged();
    }

    /** The run stopped by itself (diverged, or failed). */
    void stopped() {
        playing = false;
    }

    boolean playing() {
        return playing;
    }

    /** Training steps between two snapshots (1 to 100000); returns the problem, or null. */
    String setStepsPerFrame(int value) {
        if (value < 1 || value > 100_000) {
            return "steps per frame = " + value + ": allowed 1 to 100000";
        }
        stepsPerFrame = value;
        session.run().setStepsPerSnapshot(value);
        return null;
    }

    int stepsPerFrame() {
        return stepsPerFrame;
    }

    /** Plays at {@code decadesPerSecond} τ-decades per second (0: as fast as possible). */
    void setPace(double decadesPerSecond) {
        playback.setPace(decadesPerSecond);
        session.run().setPace(decadesPerSecond);
    }

    double pace() {
        return playback.pace();
    }

    /** Pauses the run when τ reaches {@code time} (0: no τ target); returns the problem, or null. */
    String setTargetTime(double time) {
        String problem = playback.setTargetTime(time);
        if (problem == null) {
            session.run().setTarget(session.config().steps(), time);
        }
        return problem;
    }

    double targetTime() {
        return playback.targetTime();
    }

    /** How far the run is toward its target (run.steps or the τ target), in [0, 1]; NaN without a target. */
    double progress() {
        Snapshot s = session.latest();
        return s == null
                ? Double.NaN
                : playback.progress(s.step(), s.time(), session.config().steps());
    }
}
