package lowrot.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lowrot.core.data.DataSplit;
import lowrot.core.model.MaxMarginAtoms;
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
    /** How the status message of a run that paused itself at its target begins. */
    public static final String TARGET_REACHED = "reached the target";

    /** How long an idle run (paused, no steps pending) waits for a command before looking again. */
    private static final long IDLE_WAIT_NANOS = 250_000_000L;

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
    private final RunClock clock;
    private final CompletableFuture<MaxMarginAtoms> atoms;

    /**
     * Creates the run and starts its thread (the trainer is built on that thread, so a large network never blocks
     * the caller), with the minimum time between snapshots (0 publishes every {@code stepsPerSnapshot}
     * steps), the recording interval (every {@code recordEvery} steps, as the command line does), an
     * action the trainer thread and its step workers run first (the window lowers their scheduling
     * priority; the results do not depend on it) and the clock that paces its pictures ({@link RunClock#SYSTEM};
     * tests give one that moves only while the run waits).
     */
    public TrainingRun(
            long runId,
            RunConfig config,
            DataSplit data,
            int stepsPerSnapshot,
            long minSnapshotNanos,
            int recordEvery,
            Runnable threadStart,
            RunListener listener,
            RunClock clock) {
        this(
                runId,
                config,
                data,
                stepsPerSnapshot,
                minSnapshotNanos,
                recordEvery,
                threadStart,
                listener,
                clock,
                CompletableFuture.completedFuture(null));
    }

    /**
     * The same, whose trainer measures the alignment with the max-margin atoms that {@code atoms} brings (null: the
     * metric is NaN). The thread waits for them before the first step — saying so in its status and still obeying
     * Stop — since metrics taken before they came would differ from the command line's; commands given meanwhile
     * are carried out once the trainer exists. A future that fails gives no atoms.
     */
    public TrainingRun(
            long runId,
            RunConfig config,
            DataSplit data,
            int stepsPerSnapshot,
            long minSnapshotNanos,
            int recordEvery,
            Runnable threadStart,
            RunListener listener,
            RunClock clock,
            CompletableFuture<MaxMarginAtoms> atoms) {
        config.validate().throwIfAny();
        this.atoms = atoms;
        this.clock = clock;
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
        commands.add(new Command.Play());
    }

    public void pause() {
        commands.add(new Command.Pause());
    }

    /** Takes {@code count} steps, then pauses (publishing a snapshot). */
    public void step(int count) {
        commands.add(new Command.Step(Math.max(1, count)));
    }

    /** Changes η from the next step on. */
    public void setStepSize(double eta) {
        commands.add(new Command.SetStepSize(eta));
    }

    public void setStepsPerSnapshot(int steps) {
        commands.add(new Command.SetStepsPerSnapshot(Math.max(1, steps)));
    }

    /**
     * Hands a copy of the run's recording (metrics every k steps, thinned snapshots, closed at the
     * current step) to {@code sink}, called on the run's thread between two steps.
     */
    public void save(java.util.function.Consumer<Recorder.Recording> sink) {
        commands.add(new Command.Save(sink));
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
        commands.add(new Command.SetPace(decadesPerSecond));
    }

    /**
     * Pauses the run when it reaches {@code steps} steps or GF time {@code time}, whichever comes first (0 for
     * no limit of that kind), with a status saying so; Play continues past the target.
     */
    public void setTarget(long steps, double time) {
        commands.add(new Command.SetTarget(Math.max(0, steps), time > 0 && Double.isFinite(time) ? time : 0));
    }

    /** Asks the thread to stop after the step in progress. */
    public void stop() {
        commands.add(new Command.Stop());
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

    private final FramePacer pacer = new FramePacer();
    private final RateMeter rate = new RateMeter();
    private long targetSteps;
    private double targetTime;
    private int pendingSteps;
    private double initialRisk;
    private long lastSnapshot;
    private long sinceSnapshot;

    private void loop() {
        try {
            threadStart.run();
            List<Command> held = new ArrayList<>();
            if (!awaitAtoms(held)) {
                return;
            }
            trainer = new Trainer(config, data, atoms.isCompletedExceptionally() ? null : atoms.join());
            trainer.setWorkerStart(threadStart);
            // Every core: the window draws on a painter thread and needs little CPU (at m = 4,096 on two
            // cores this trains 35 % faster than leaving a core idle for it, at the same frame times).
            trainer.setThreads(Runtime.getRuntime().availableProcessors());
            Snapshot first = recorder.start(trainer, runId);
            listener.snapshot(first);
            publishStatus("");
            initialRisk = first.metrics().risk();
            for (Command cmd : held) {
                handle(cmd);
            }
            lastSnapshot = clock.nanoTime();
            rate.restart(lastSnapshot);
            while (true) {
                boolean frameDue = state == RunState.RUNNING && pendingSteps == 0 && pacer.frameReached(trainer.time());
                // A reached frame waits for its time (the clock decides when, never what); an idle run for commands.
                long wait = frameDue
                        ? pacer.waitNanos(clock.nanoTime())
                        : state == RunState.RUNNING || pendingSteps > 0 ? 0 : IDLE_WAIT_NANOS;
                Command cmd = clock.next(commands, wait);
                if (cmd instanceof Command.Stop) {
                    break;
                } else if (cmd != null) {
                    handle(cmd);
                } else if (frameDue) {
                    if (publishChecked()) {
                        pictured(clock.nanoTime());
                        pacer.frameShown(lastSnapshot);
                    }
                } else if (state == RunState.RUNNING || pendingSteps > 0) {
                    train();
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

    /** One step, its recording, and the picture it is due (a grid point, the end of Step, or a timed one). */
    private void train() {
        double risk = trainer.step();
        sinceSnapshot++;
        if (pendingSteps > 0) {
            pendingSteps--;
        }
        String reason = Divergence.check(risk, initialRisk);
        if (reason != null) {
            diverge(reason);
            return;
        }
        Snapshot recorded = null;
        if (recorder.due(trainer.stepCount())) {
            recorded = trainer.snapshot(runId);
            if (diverged(recorded)) {
                return;
            }
            recorder.record(recorded);
        }
        long now = clock.nanoTime();
        pacer.stepTaken(trainer.time(), now);
        double stepsPerSecond = rate.stepTaken(now);
        if (!Double.isNaN(stepsPerSecond)) {
            publishStatus("", stepsPerSecond);
        }
        if (reachedTarget()) {
            return;
        }
        boolean stepDone = pendingSteps == 0 && state == RunState.PAUSED;
        boolean grid = pacer.gridDue(trainer.time());
        boolean timed = pacer.betweenFramesDue(sinceSnapshot, stepsPerSnapshot, now - lastSnapshot, minSnapshotNanos);
        if (stepDone || grid || timed) {
            Snapshot snap = recorded != null ? recorded : trainer.snapshot(runId);
            if (diverged(snap)) {
                return;
            }
            listener.snapshot(snap);
            pictured(now);
            if (grid) {
                pacer.gridShown(trainer.time());
            }
            if (stepDone) {
                publishStatus("");
            }
        }
    }

    private void pictured(long now) {
        lastSnapshot = now;
        sinceSnapshot = 0;
    }

    /** Acts on a command other than Stop. */
    private void handle(Command cmd) {
        if (cmd instanceof Command.Play && state != RunState.DIVERGED) {
            long now = clock.nanoTime();
            rate.restart(now);
            pacer.restart(now);
            // Time spent paused is not time since the last picture: else the first step after Play would show an
            // extra in-between picture (the paced frames come from the pacer).
            lastSnapshot = now;
            state = RunState.RUNNING;
            publishStatus("");
        } else if (cmd instanceof Command.SetPace p) {
            pacer.setPace(p.decadesPerSecond(), clock.nanoTime());
        } else if (cmd instanceof Command.Pause && state == RunState.RUNNING) {
            state = RunState.PAUSED;
            publishSnapshot();
            publishStatus("");
        } else if (cmd instanceof Command.Step s && state != RunState.DIVERGED) {
            state = RunState.PAUSED;
            pendingSteps += s.count();
        } else if (cmd instanceof Command.SetStepSize s) {
            try {
                trainer.setStepSize(s.eta());
                publishStatus("");
            } catch (IllegalArgumentException e) {
                publishStatus(e.getMessage());
            }
        } else if (cmd instanceof Command.SetStepsPerSnapshot s) {
            stepsPerSnapshot = s.steps();
        } else if (cmd instanceof Command.SetTarget t) {
            targetSteps = t.steps();
            targetTime = t.time();
        } else if (cmd instanceof Command.Save s) {
            s.sink().accept(recorder.recording(trainer, runId));
        }
    }

    /** True (and the run stopped there) when the snapshot's metrics show divergence. */
    private boolean diverged(Snapshot snap) {
        String bad = Divergence.check(snap.metrics(), initialRisk);
        if (bad == null) {
            return false;
        }
        diverge(bad);
        return true;
    }

    /** Publishes a snapshot unless it shows divergence (then the run stops there); true if published. */
    private boolean publishChecked() {
        Snapshot snap = trainer.snapshot(runId);
        if (diverged(snap)) {
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
            publishStatus(TARGET_REACHED + " (" + what + "); Play continues past it");
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
        pendingSteps = 0;
    }

    private void publishSnapshot() {
        listener.snapshot(trainer.snapshot(runId));
    }

    /**
     * Waits until the atoms are known, keeping the commands that come meanwhile in {@code held}; false when a Stop
     * came first.
     */
    private boolean awaitAtoms(List<Command> held) throws InterruptedException {
        if (atoms.isDone()) {
            return true;
        }
        publishStatus("solving the max-margin network first: the alignment metric is measured against it");
        while (!atoms.isDone()) {
            Command cmd = commands.poll(50, TimeUnit.MILLISECONDS);
            if (cmd instanceof Command.Stop) {
                return false;
            } else if (cmd != null) {
                held.add(cmd);
            }
        }
        return true;
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
