package lowrot.app;

import java.util.List;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Datasets;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.margin.TangentPoint;
import lowrot.core.model.Regime;
import lowrot.core.model.RegimePresets;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;
import lowrot.core.util.Problems;
import lowrot.io.LabConfig;
import lowrot.run.History;
import lowrot.run.MemoryGuard;
import lowrot.run.RunState;
import lowrot.run.RunStatus;
import lowrot.run.TrainingRun;

/**
 * The window's state without a single Node: the config, the data, the current run and its pump, play
 * state, the latest snapshot, the metric history, tangent-kernel points, reference margins, replay and
 * what the figures show. It alone decides whether a frame belongs to the current run. Commands come
 * from the views; what changed goes to one {@link SessionListener}. Everything runs on one thread — the FX
 * thread in the window, the test's thread with a manual executor in tests.
 */
final class LabSession implements AutoCloseable {
    static final int HISTORY_CAPACITY = 2000;

    private final java.util.concurrent.Executor fx;
    private final BackgroundJobs jobs;
    private final Runnable threadStart;
    private final ReferenceWork work;
    private final StatusLine line = new StatusLine();
    private final Pictures pictures;
    private SessionListener listener = new SessionListener() {};
    private final History history = new History(HISTORY_CAPACITY);
    private final UndoStack undo = new UndoStack();
    private final Pins pins = new Pins();

    private LabConfig config;
    private DataSplit data;
    private TrainingRun run;
    private SnapshotPump pump;
    private long runCounter;
    private final Transport transport = new Transport(this);

    private Snapshot latest;
    private RunStatus status;
    private final ReplayMode replay = new ReplayMode(this);
    private boolean closed;

    /**
     * @param initial the first config (its run starts with {@link #start()})
     * @param fx      where the trainer's snapshots are handed over (the session's own thread)
     * @param jobs    solvers and file work, delivering on the session's thread
     * @param threadStart what each trainer thread and its step workers run first (the window lowers their
     *                    priority)
     */
    LabSession(LabConfig initial, java.util.concurrent.Executor fx, BackgroundJobs jobs, Runnable threadStart) {
        this.config = initial;
        this.threadStart = threadStart;
        this.fx = fx;
        this.jobs = jobs;
        this.work = new ReferenceWork(this, jobs);
        this.pictures = new Pictures(this, work);
    }

    void setListener(SessionListener value) {
        this.listener = value;
    }

    /** Starts the first run. */
    void start() {
        startRun(config);
    }

    /** Validates a candidate config; on success restarts the run with it and returns null, else the problems. */
    String tryConfig(LabConfig candidate) {
        Problems p = candidate.validate();
        if (!p.isEmpty()) {
            return String.join("; ", p.messages());
        }
        String memory = MemoryGuard.check(candidate.run());
        if (memory != null) {
            return memory;
        }
        if (!candidate.equals(config)) {
            undo.push(config);
        }
        startRun(candidate);
        return null;
    }

    /**
     * Keeps the current run's curves on every chart as faint ghost curves (labelled by regime, width and η) while
     * other runs train. Returns what was pinned, or null when there is nothing to pin yet.
     */
    String pin() {
        RunConfig rc = config.run();
        double eta = status != null ? status.stepSize() : rc.training().stepSize();
        String label = pins.pin(rc, eta, history.points());
        listener.charts();
        return label;
    }

    /** Removes every pin. */
    void clearPins() {
        pins.clear();
        listener.charts();
    }

    /** The pinned runs, oldest first (a copy). */
    List<lowrot.render.ChartSet.Pin> pins() {
        return pins.list();
    }

    /** Brings back the settings before the last change (restarting the run); false when there is none. */
    boolean undo() {
        LabConfig previous = undo.pop();
        if (previous == null) {
            return false;
        }
        startRun(previous);
        return true;
    }

    private void startRun(LabConfig next) {
        replay.leave();
        stopRun();
        LabConfig.Change change = run == null ? LabConfig.Change.ALL : config.changeTo(next);
        config = next;
        RunConfig rc = next.run();
        if (change.data() || data == null) {
            data = Datasets.generate(rc.dataset(), rc.dataSeed());
        }
        if (change.references()) {
            work.forgetAll();
        }
        if (change.initialization()) {
            work.forgetInitialization();
        }
        long runId = ++runCounter;
        line.newRun();
        history.clear();
        work.newRun(System.nanoTime());
        latest = null;
        pictures.newTrails(rc.network().width());
        pump = new SnapshotPump(runId, fx, this::onBatch);
        run = transport.newRun(runId, rc, data, next, threadStart, pump, work.alignmentTarget(next));
        work.compute(next, data.train());
        listener.runStarted();
        listener.frame();
        listener.charts();
        listener.status();
    }

    private void stopRun() {
        if (pump != null) {
            pump.close();
        }
        if (run != null) {
            run.stop();
        }
        work.stopRun();
    }

    /** Stops the trainer and the solvers; waits up to a second for the trainer thread to end. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopRun();
        if (run != null) {
            try {
                run.stopAndWait(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean closed() {
        return closed;
    }

    /** A batch from the pump: the one place that decides whether it belongs to the current run. */
    private void onBatch(SnapshotPump.Batch batch) {
        if (!current(batch.runId()) || replay.active()) {
            return;
        }
        listener.delivered(batch.points().size());
        for (Metrics m : batch.points()) {
            history.add(m);
            line.check(work.refs(), m.marginPath());
        }
        if (!batch.points().isEmpty()) {
            listener.charts();
        }
        if (batch.snapshot() != null) {
            latest = batch.snapshot();
            pictures.trail(latest);
            if (pictures.circleOptions().regions()) {
                pictures.requestRegions();
            }
            listener.frame();
        }
        if (batch.status() != null) {
            status = batch.status();
            boolean atTarget = status.state() == RunState.PAUSED
                    && status.message() != null
                    && status.message().startsWith(lowrot.run.TrainingRun.TARGET_REACHED);
            // A run that paused itself (at its target, or diverged, or ended) is no longer playing: Play shows again.
            if (atTarget || status.state() == RunState.DIVERGED || status.state() == RunState.STOPPED) {
                transport.stopped();
            }
        }
        line.runReported();
        listener.status();
    }

    /** Whether something computed for {@code runId} may still be shown: it belongs to the run now training. */
    boolean current(long runId) {
        return !closed && run != null && runId == run.runId();
    }

    /** Whether a drawn frame for {@code runId} may be shown: the current run's, or any during replay. */
    boolean showable(long runId) {
        return !closed && (replay.active() || current(runId));
    }

    /** Play, pause, step, pace and targets of the current run. */
    Transport transport() {
        return transport;
    }

    /** The same config again from its initialization. */
    void reset() {
        startRun(config);
    }

    /** Changes η of the running network without restarting it; returns the problem, or null. */
    String commitEta(double eta) {
        TrainSpec t = config.run().training();
        if (t.stepSize() == eta) {
            return null;
        }
        Problems p = t.withStepSize(eta).validate(config.run().dataset().n());
        if (!p.isEmpty()) {
            return String.join("; ", p.messages());
        }
        config = config.withRun(config.run().withTraining(t.withStepSize(eta)));
        if (run != null) {
            run.setStepSize(eta);
        }
        return null;
    }

    /** The regime's preset (data, width, step size; seeds kept); returns the problem, or null. */
    String applyPreset(Regime regime) {
        RunConfig rc = config.run();
        return tryConfig(config.withRun(RegimePresets.of(regime, rc.dataSeed(), rc.initSeed())));
    }

    /** New reference margins arrived: the charts, the optimal network's spokes and the status change. */
    void referencesChanged() {
        listener.charts();
        listener.frame();
        listener.status();
    }

    void statusChanged() {
        listener.status();
    }

    void chartsChanged() {
        listener.charts();
    }

    void frameChanged() {
        listener.frame();
    }

    /** When the references were first drawn and final (for {@code --measure}). */
    ReferenceTiming referenceTiming() {
        return work.timing();
    }

    /** True while a reference margin is still being computed. */
    boolean referencesBusy() {
        return work.busy();
    }

    /** What the figures show, and the computations for them. */
    Pictures pictures() {
        return pictures;
    }

    /** Replay of a saved run. */
    ReplayMode replay() {
        return replay;
    }

    boolean replaying() {
        return replay.active();
    }

    /** Stops training for a replay of recorded data (whose references are then computed). */
    void stopForReplay(DataSplit recorded) {
        transport.pause();
        stopRun();
        data = recorded;
        work.forgetAll();
        work.compute(config, data.train());
    }

    /** Shows a recorded snapshot with the metric points up to it and the snapshots of its trail, oldest first. */
    void showRecorded(Snapshot shown, List<Metrics> points, List<Snapshot> trail) {
        latest = shown;
        history.clear();
        points.forEach(history::add);
        pictures.clearTrails();
        trail.forEach(pictures::trail);
        listener.frame();
        listener.charts();
        listener.status();
    }

    /** A passing line for the status bar (until the run reports again). */
    void note(String text) {
        line.note(text);
        listener.status();
    }

    /** What a settings change did (a preset, an undo), shown for the run it started. */
    void settingsNote(String text) {
        line.settingsNote(text);
        listener.status();
    }

    /** A message about the data that stays until the next one (for example what an import changed). */
    void setDataMessage(String text) {
        line.dataMessage(text);
        listener.status();
    }

    /** The status line now (see {@link StatusLine}). */
    String message() {
        return line.message(status);
    }

    /** Set when a margin of this run exceeded a certified upper bound: a bug, shown until the next run. */
    String boundViolation() {
        return line.boundViolation();
    }

    void error(String header, String text) {
        listener.error(header, text);
    }

    LabConfig config() {
        return config;
    }

    DataSplit data() {
        return data;
    }

    TrainingRun run() {
        return run;
    }

    Snapshot latest() {
        return latest;
    }

    RunStatus status() {
        return status;
    }

    ReferenceMargins refs() {
        return work.refs();
    }

    History history() {
        return history;
    }

    /** Tangent-kernel margins computed so far (a live list: copy it to keep it). */
    List<TangentPoint> tangent() {
        return work.tangent();
    }

    BackgroundJobs jobs() {
        return jobs;
    }
}
