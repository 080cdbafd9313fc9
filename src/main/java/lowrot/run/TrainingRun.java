package lowrot.run;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lowrot.core.data.DataSplit;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;

/**
 * A training run on its own thread. The thread owns the {@link Trainer}; other threads talk to it
 * only through commands (play, pause, step, set η, stop) and hear from it only through a
 * {@link RunListener}: immutable snapshots and status values.
 *
 * <p>While running, a snapshot is published every {@code stepsPerSnapshot} steps, but never more
 * often than every {@code minSnapshotNanos}; steps in between are not lost, only not pictured.
 */
public final class TrainingRun implements AutoCloseable {
    private static final long DEFAULT_MIN_SNAPSHOT_NANOS = 30_000_000L;

    private sealed interface Command
            permits Play, Pause, Step, SetStepSize, SetStepsPerSnapshot, SetPace, SetTarget, Stop, Save {}

    private record SetPace(double decadesPerSecond) implements Command {}

    private record SetTarget(long steps, double time) implements Command {}

    private record Save(java.util.function.Consumer<Recorder.Recording> sink) implements Command {}

    private record Play() implements Command {}

    private record Pause() implements Command {}

    private record Step(int count) implements Command {}

    private record SetStepSize(double eta) implements Command {}

    private record SetStepsPerSnapshot(int steps) implements Command {}

    private record Stop() implements Command {}

    private final long runId;
    private final RunConfig config;
    private final DataSplit data;
    private final RunListener listener;
    private final Runnable threadStart;
    private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final long minSnapshotNanos;
    private volatile int stepsPerSnapshot;
    private volatile RunState state = RunState.READY;
    private volatile Trainer trainer;
    private final Recorder recorder;

    /**
     * Creates the run and starts its thread (the trainer is built on that thread, so a large
     * network never blocks the caller).
     */
    public TrainingRun(long runId, RunConfig config, DataSplit data, int stepsPerSnapshot, RunListener listener) {
        this(
                runId,
                config,
                data,
                stepsPerSnapshot,
                DEFAULT_MIN_SNAPSHOT_NANOS,
                10,
                lowrot.core.util.Workers.NOTHING,
                listener);
    }

    /**
     * As above, with the minimum time between snapshots (0 publishes every {@code stepsPerSnapshot}
     * steps), the recording interval (every {@code recordEvery} steps, as the command line does) and an
     * action the trainer thread and its step workers run first (the window lowers their scheduling
     * priority; the results do not depend on it).
     */
    public TrainingRun(
            long runId,
            RunConfig config,
            DataSplit data,
            int stepsPerSnapshot,
            long minSnapshotNanos,
            int recordEvery,
            Runnable threadStart,
            RunListener listener) {
        config.validate().throwIfAny();
        this.threadStart = threadStart;
        this.runId = runId;
        this.config = config;
        this.data = data;
        this.listener = listener;
        this.stepsPerSnapshot = Math.max(1, stepsPerSnapshot);
        this.minSnapshotNanos = minSnapshotNanos;
        this.recorder = new Recorder(recordEvery);
        this.thread = new Thread(this::loop, "lowrot-trainer-" + runId);
        thread.setDaemon(true);
        thread.start();
    }

    public long runId() {
        return runId;
    }

    public RunConfig config() {
        return config;
    }

    public RunState state() {
        return state;
    }

    public void play() {
        commands.add(new Play());
    }

    public void pause() {
        commands.add(new Pause());
    }

    /** Takes {@code count} steps, then pauses (publishing a snapshot). */
    public void step(int count) {
        commands.add(new Step(Math.max(1, count)));
    }

    /** Changes η from the next step on. */
    public void setStepSize(double eta) {
        commands.add(new SetStepSize(eta));
    }

    public void setStepsPerSnapshot(int steps) {
        commands.add(new SetStepsPerSnapshot(Math.max(1, steps)));
    }

    /**
     * Hands a copy of the run's recording (metrics every k steps, thinned snapshots, closed at the
     * current step) to {@code sink}, called on the run's thread between two steps.
     */
    public void save(java.util.function.Consumer<Recorder.Recording> sink) {
        commands.add(new Save(sink));
    }

    /**
     * Plays at {@code decadesPerSecond} τ-decades per second ({@link LogPace}); 0 plays as fast as possible, a
     * snapshot every {@code stepsPerSnapshot} steps at most every {@code minSnapshotNanos}, plus one at every
     * twentieth of a τ-decade so that the early phase is pictured.
     */
    public void setPace(double decadesPerSecond) {
        if (decadesPerSecond != 0) {
            new LogPace(decadesPerSecond);
        }
        commands.add(new SetPace(decadesPerSecond));
    }

    /**
     * Pauses the run when it reaches {@code steps} steps or GF time {@code time}, whichever comes first (0 for
     * no limit of that kind), with a status saying so; Play continues past the target.
     */
    public void setTarget(long steps, double time) {
        commands.add(new SetTarget(Math.max(0, steps), time > 0 && Double.isFinite(time) ? time : 0));
    }

    /** Asks the thread to stop after the step in progress. */
    public void stop() {
        commands.add(new Stop());
    }

    /** Stops and waits for the thread to end, at most {@code millis}. True if it ended. */
    public boolean stopAndWait(long millis) throws InterruptedException {
        stop();
        thread.join(millis);
        return !thread.isAlive();
    }

    /** True while the run's thread is alive. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    /** Snapshots per τ-decade taken early in a run played as fast as possible. */
    private static final double GRID_PER_DECADE = 20;

    private static final long FRAME_NANOS = Math.round(1e9 / LogPace.FRAMES_PER_SECOND);

    private LogPace pace;
    /** When the frames of the current pace started (frame k is due k frame times later). */
    private long pacedSince;

    private long targetSteps;
    private double targetTime;
    private int pendingSteps;
    private double initialRisk;

    private void loop() {
        try {
            threadStart.run();
            trainer = new Trainer(config, data);
            trainer.setWorkerStart(threadStart);
            // Every core: the window draws on a painter thread and needs little CPU (at m = 4,096 on two
            // cores this trains 35 % faster than leaving a core idle for it, at the same frame times).
            trainer.setThreads(Runtime.getRuntime().availableProcessors());
            Snapshot first = recorder.start(trainer, runId);
            listener.snapshot(first);
            publishStatus("");
            initialRisk = first.metrics().risk();
            long lastSnapshot = System.nanoTime();
            long sinceSnapshot = 0;
            long rateStart = System.nanoTime();
            long rateSteps = 0;
            double nextGridTime = 0;
            long frameDeadline = 0;
            while (true) {
                boolean frameDue = state == RunState.RUNNING
                        && pendingSteps == 0
                        && pace != null
                        && pace.started()
                        && trainer.time() >= pace.nextTarget();
                Command cmd;
                if (frameDue) {
                    // The frame's step is reached: show it when its time comes (the clock decides when, never what).
                    long wait = frameDeadline - System.nanoTime();
                    cmd = wait > 0 ? commands.poll(wait, TimeUnit.NANOSECONDS) : commands.poll();
                } else {
                    cmd = state == RunState.RUNNING || pendingSteps > 0
                            ? commands.poll()
                            : commands.poll(250, TimeUnit.MILLISECONDS);
                }
                if (cmd != null) {
                    if (cmd instanceof Stop) {
                        break;
                    }
                    if (cmd instanceof Play && state != RunState.DIVERGED) {
                        rateStart = System.nanoTime();
                        rateSteps = 0;
                        frameDeadline = rateStart;
                        if (pace != null) {
                            pace = new LogPace(pace.decadesPerFrame() * LogPace.FRAMES_PER_SECOND);
                        }
                    } else if (cmd instanceof SetPace p) {
                        pace = p.decadesPerSecond() == 0 ? null : new LogPace(p.decadesPerSecond());
                        frameDeadline = System.nanoTime();
                        nextGridTime = 0;
                    }
                    handle(cmd);
                    continue;
                }
                if (frameDue) {
                    if (!publishChecked()) {
                        continue;
                    }
                    pace.frameShown();
                    long now = System.nanoTime();
                    // A frame that took longer than its time to reach or to picture (a snapshot of a wide network
                    // costs tens of ms): the next one is the frame due now, so τ keeps its pace in decades per
                    // second. Which frames are shown depends on the clock; each shows the step its τ_k calls for.
                    pace.skipTo((now - pacedSince) / FRAME_NANOS);
                    frameDeadline = Math.max(frameDeadline + FRAME_NANOS, now);
                    lastSnapshot = System.nanoTime();
                    sinceSnapshot = 0;
                    continue;
                }
                if (state != RunState.RUNNING && pendingSteps == 0) {
                    continue;
                }
                double risk = trainer.step();
                sinceSnapshot++;
                rateSteps++;
                if (pendingSteps > 0) {
                    pendingSteps--;
                }
                String reason = Divergence.check(risk, initialRisk);
                if (reason != null) {
                    diverge(reason);
                    pendingSteps = 0;
                    continue;
                }
                Snapshot recorded = null;
                if (recorder.due(trainer.stepCount())) {
                    recorded = trainer.snapshot(runId);
                    String bad = Divergence.check(recorded.metrics(), initialRisk);
                    if (bad != null) {
                        diverge(bad);
                        pendingSteps = 0;
                        continue;
                    }
                    recorder.record(recorded);
                }
                if (pace != null && !pace.started() && trainer.time() > 0) {
                    pace.startAt(trainer.time());
                    pacedSince = System.nanoTime();
                    frameDeadline = pacedSince + FRAME_NANOS;
                }
                long now = System.nanoTime();
                if (now - rateStart >= 1_000_000_000L) {
                    double rate = rateSteps * 1e9 / (now - rateStart);
                    rateStart = now;
                    rateSteps = 0;
                    publishStatus("", rate);
                }
                if (reachedTarget()) {
                    continue;
                }
                boolean stepDone = pendingSteps == 0 && state == RunState.PAUSED;
                boolean grid = pace == null && trainer.time() >= nextGridTime;
                // Paced and behind (a frame needs more steps than the machine takes in a frame's time): the
                // picture keeps moving with snapshots between frames, which do not count as frames.
                boolean timed = pace == null
                        ? sinceSnapshot >= stepsPerSnapshot && now - lastSnapshot >= minSnapshotNanos
                        : now - lastSnapshot >= Math.max(minSnapshotNanos, 2 * FRAME_NANOS);
                if (stepDone || grid || timed) {
                    Snapshot snap = recorded != null ? recorded : trainer.snapshot(runId);
                    String bad = Divergence.check(snap.metrics(), initialRisk);
                    if (bad != null) {
                        diverge(bad);
                        pendingSteps = 0;
                        continue;
                    }
                    listener.snapshot(snap);
                    lastSnapshot = now;
                    sinceSnapshot = 0;
                    if (grid) {
                        nextGridTime = Math.pow(
                                10, Math.floor(Math.log10(trainer.time()) * GRID_PER_DECADE + 1) / GRID_PER_DECADE);
                    }
                    if (stepDone) {
                        publishStatus("");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | OutOfMemoryError e) {
            state = RunState.STOPPED;
            listener.status(new RunStatus(
                    runId,
                    RunState.STOPPED,
                    trainer == null ? 0 : trainer.stepCount(),
                    0,
                    config.training().stepSize(),
                    "the run stopped: " + e.getMessage()));
            return;
        }
        state = RunState.STOPPED;
        publishStatus("");
    }

    /** Acts on a command other than Stop. */
    private void handle(Command cmd) {
        if (cmd instanceof Play && state != RunState.DIVERGED) {
            state = RunState.RUNNING;
            publishStatus("");
        } else if (cmd instanceof Pause && state == RunState.RUNNING) {
            state = RunState.PAUSED;
            publishSnapshot();
            publishStatus("");
        } else if (cmd instanceof Step s && state != RunState.DIVERGED) {
            state = RunState.PAUSED;
            pendingSteps += s.count();
        } else if (cmd instanceof SetStepSize s) {
            try {
                trainer.setStepSize(s.eta());
                publishStatus("");
            } catch (IllegalArgumentException e) {
                publishStatus(e.getMessage());
            }
        } else if (cmd instanceof SetStepsPerSnapshot s) {
            stepsPerSnapshot = s.steps();
        } else if (cmd instanceof SetTarget t) {
            targetSteps = t.steps();
            targetTime = t.time();
        } else if (cmd instanceof Save s) {
            s.sink().accept(recorder.recording(trainer, runId));
        }
    }

    /** Publishes a snapshot unless it shows divergence (then the run stops there); true if published. */
    private boolean publishChecked() {
        Snapshot snap = trainer.snapshot(runId);
        String bad = Divergence.check(snap.metrics(), initialRisk);
        if (bad != null) {
            diverge(bad);
            pendingSteps = 0;
            return false;
        }
        listener.snapshot(snap);
        return true;
    }

    /** Pauses at the target (step count or τ), once; true if it did. */
    private boolean reachedTarget() {
        boolean steps = targetSteps > 0 && trainer.stepCount() >= targetSteps;
        boolean time = targetTime > 0 && trainer.time() >= targetTime;
        if (state != RunState.RUNNING || !(steps || time)) {
            return false;
        }
        String what = steps ? String.format("step %,d", targetSteps) : "τ = " + targetTime;
        targetSteps = 0;
        targetTime = 0;
        state = RunState.PAUSED;
        pendingSteps = 0;
        if (publishChecked()) {
            publishStatus("reached the target (" + what + "); Play continues past it");
        }
        return true;
    }

    private void diverge(String reason) {
        long step = trainer.stepCount();
        listener.status(new RunStatus(
                runId,
                RunState.DIVERGED,
                step,
                0,
                trainer.stepSize(),
                "diverged at step " + step + " (η = " + trainer.stepSize() + "): " + reason + "; lower the step size"));
        state = RunState.DIVERGED;
    }

    private void publishSnapshot() {
        listener.snapshot(trainer.snapshot(runId));
    }

    private void publishStatus(String message) {
        publishStatus(message, 0);
    }

    private void publishStatus(String message, double rate) {
        listener.status(new RunStatus(
                runId,
                state,
                trainer == null ? 0 : trainer.stepCount(),
                rate,
                trainer == null ? config.training().stepSize() : trainer.stepSize(),
                message));
    }
}
