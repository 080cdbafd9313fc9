package lowrot.app;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.DataSplit;
import lowrot.core.Dataset;
import lowrot.core.Datasets;
import lowrot.core.GlobalMarginSolver;
import lowrot.core.KernelCeiling;
import lowrot.core.Metrics;
import lowrot.core.Network;
import lowrot.core.NtkMarginSolver;
import lowrot.core.Problems;
import lowrot.core.Regime;
import lowrot.core.RegimePresets;
import lowrot.core.RunConfig;
import lowrot.core.Snapshot;
import lowrot.core.TrainSpec;
import lowrot.core.Trainer;
import lowrot.io.LabConfig;
import lowrot.io.RunFile;
import lowrot.render.ChartOptions;
import lowrot.render.CircleScene;
import lowrot.render.RegionGrid;
import lowrot.render.Trails;
import lowrot.run.History;
import lowrot.run.MemoryGuard;
import lowrot.run.ReferenceMargins;
import lowrot.run.RunState;
import lowrot.run.RunStatus;
import lowrot.run.TangentPoint;
import lowrot.run.TrainingRun;

/**
 * The window's state without a single Node: the config, the data, the current run and its pump, play
 * state, the latest snapshot, the metric history, tangent-kernel points, reference margins, replay and
 * what the figures show. It alone decides whether a frame belongs to the current run. Commands come
 * from the views; what changed goes to one {@link Listener}. Everything runs on one thread — the FX
 * thread in the window, the test's thread with a manual executor in tests.
 */
final class LabSession implements AutoCloseable {
    static final int HISTORY_CAPACITY = 2000;
    static final int TRAIL_LENGTH = 24;
    private static final long TANGENT_INTERVAL_NANOS = 1_500_000_000L;

    /** What the views hear; every call comes on the session's thread. */
    interface Listener {
        /** A new run started (new config, data or initialization): controls show the config again. */
        default void runStarted() {
        }

        /** The circle view needs a redraw (snapshot, regions, references, options). */
        default void frame() {
        }

        /** The charts need a redraw (history, tangent points, references, options). */
        default void charts() {
        }

        /** The pump delivered {@code points} metric points of the current run (for the performance overlay). */
        default void delivered(int points) {
        }

        /** The status line or the play state changed. */
        default void status() {
        }

        /** Something the user asked for failed; {@code text} says what and why. */
        default void error(String header, String text) {
        }
    }

    private final java.util.concurrent.Executor fx;
    private final BackgroundJobs jobs;
    private Listener listener = new Listener() {
    };
    private final History history = new History(HISTORY_CAPACITY);
    private final List<TangentPoint> tangent = new ArrayList<>();

    private LabConfig config;
    private DataSplit data;
    private TrainingRun run;
    private SnapshotPump pump;
    private long runCounter;
    private boolean playing;
    private int stepsPerFrame = 10;
    private Snapshot latest;
    private RunStatus status;
    private ReferenceMargins refs = ReferenceMargins.NONE;
    private String boundViolation;
    private String dataMessage = "";
    private String note;
    private RegionGrid regions;
    private Trails trails;
    private CircleScene.Options circleOptions = CircleScene.Options.defaults();
    private ChartOptions chartOptions = ChartOptions.defaults();
    private List<Snapshot> replay;
    private int replayIndex;
    private long lastTangent;
    private long tangentCost;
    private BackgroundJobs.Job ntkJob;
    private BackgroundJobs.Job globalJob;
    private BackgroundJobs.Job noRotationJob;
    private BackgroundJobs.Job kernelJob;
    private BackgroundJobs.Job tangentJob;
    private BackgroundJobs.Job regionJob;
    private boolean closed;

    /**
     * @param initial the first config (its run starts with {@link #start()})
     * @param fx      where the trainer's snapshots are handed over (the session's own thread)
     * @param jobs    solvers and file work, delivering on the session's thread
     */
    LabSession(LabConfig initial, java.util.concurrent.Executor fx, BackgroundJobs jobs) {
        this.config = initial;
        this.fx = fx;
        this.jobs = jobs;
    }

    void setListener(Listener value) {
        this.listener = value;
    }

    /** Starts the first run. */
    void start() {
        startRun(config, true);
    }

    // ---------------------------------------------------------------- runs

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
        boolean newData = !candidate.run().dataset().equals(config.run().dataset())
                || candidate.run().dataSeed() != config.run().dataSeed();
        startRun(candidate, newData);
        return null;
    }

    private void startRun(LabConfig next, boolean newData) {
        replay = null;
        boolean wasPlaying = playing;
        stopRun();
        LabConfig previous = run == null ? null : config;
        config = next;
        RunConfig rc = next.run();
        if (newData || data == null) {
            data = Datasets.generate(rc.dataset(), rc.dataSeed());
        }
        if (newData || previous == null || !previous.sameReferenceSettings(next)) {
            cancel(ntkJob);
            cancel(globalJob);
            refs = ReferenceMargins.NONE;
        }
        boolean newInit = newData || previous == null || !rc.network().equals(previous.run().network())
                || rc.initSeed() != previous.run().initSeed()
                || rc.training().regime() != previous.run().training().regime()
                || previous.run().training().outerTrainable() != rc.training().outerTrainable();
        if (newInit) {
            cancel(noRotationJob);
            cancel(kernelJob);
            refs = refs.withNoRotation(null).withKernel(null);
        }
        long runId = ++runCounter;
        boundViolation = null;
        note = null;
        history.clear();
        tangent.clear();
        regions = null;
        latest = null;
        lastTangent = System.nanoTime();
        trails = new Trails(rc.network().width(), TRAIL_LENGTH);
        pump = new SnapshotPump(runId, fx, this::onBatch);
        run = new TrainingRun(runId, rc, data, stepsPerFrame, 30_000_000L, next.every(), pump);
        computeReferences();
        if (wasPlaying) {
            run.play();
        }
        playing = wasPlaying;
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
        cancel(tangentJob);
        cancel(regionJob);
    }

    private static void cancel(BackgroundJobs.Job job) {
        if (job != null) {
            job.cancel();
        }
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
        if (!current(batch.runId()) || replay != null) {
            return;
        }
        listener.delivered(batch.points().size());
        for (Metrics m : batch.points()) {
            history.add(m);
            if (boundViolation == null) {
                boundViolation = refs.violation(m.marginPath());
            }
        }
        if (!batch.points().isEmpty()) {
            listener.charts();
        }
        if (batch.snapshot() != null) {
            latest = batch.snapshot();
            trails.add(latest, circleOptions.plane());
            if (circleOptions.regions()) {
                requestRegions();
            }
            listener.frame();
        }
        if (batch.status() != null) {
            status = batch.status();
            if (status.state() == RunState.DIVERGED || status.state() == RunState.STOPPED) {
                playing = false;
            }
        }
        note = null;
        listener.status();
    }

    /** Whether something computed for {@code runId} may still be shown: it belongs to the run now training. */
    boolean current(long runId) {
        return !closed && run != null && runId == run.runId();
    }

    /** Whether a drawn frame for {@code runId} may be shown: the current run's, or any during replay. */
    boolean showable(long runId) {
        return !closed && (replay != null || current(runId));
    }

    void play() {
        if (replay != null) {
            reset();
        }
        if (run == null) {
            return;
        }
        playing = true;
        run.play();
        listener.status();
    }

    void pause() {
        playing = false;
        if (run != null) {
            run.pause();
        }
        listener.status();
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
        if (replay != null) {
            reset();
        }
        playing = false;
        run.step(stepsPerFrame);
        listener.status();
    }

    /** The same config again from its initialization. */
    void reset() {
        startRun(config, false);
    }

    /** Training steps between two snapshots (1 to 100000); returns the problem, or null. */
    String setStepsPerFrame(int value) {
        if (value < 1 || value > 100_000) {
            return "steps per frame = " + value + ": allowed 1 to 100000";
        }
        stepsPerFrame = value;
        run.setStepsPerSnapshot(value);
        return null;
    }

    int stepsPerFrame() {
        return stepsPerFrame;
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

    // ---------------------------------------------------------------- references and pictures

    private void computeReferences() {
        Dataset train = data.train();
        LabConfig c = config;
        if (train.n() == 0) {
            return;
        }
        if (refs.ntk() == null && (ntkJob == null || ntkJob.done() || ntkJob.cancelled())) {
            ntkJob = jobs.submit(mon -> NtkMarginSolver.solve(train, NtkMarginSolver.Options.defaults()
                    .withDirections(c.ntkDirections()).withTolerance(c.ntkTolerance()).withSeed(c.run().dataSeed()), mon),
                    r -> reference(refs.withNtk(r)), this::referenceError);
        }
        if (refs.global() == null && (globalJob == null || globalJob.done() || globalJob.cancelled())) {
            globalJob = jobs.submit(mon -> GlobalMarginSolver.solve(train, c.globalOptions(), mon),
                    r -> reference(refs.withGlobal(r)), this::referenceError);
        }
        Network init = Trainer.initialNetwork(c.run(), train.d());
        if (refs.noRotation() == null) {
            cancel(noRotationJob);
            noRotationJob = jobs.submit(mon -> GlobalMarginSolver.noRotationLimit(train, init, c.globalOptions(), mon),
                    r -> reference(refs.withNoRotation(r)), this::referenceError);
        }
        if (refs.kernel() == null) {
            cancel(kernelJob);
            kernelJob = jobs.submit(mon -> KernelCeiling.compute(c.run(), train, init, mon),
                    r -> reference(refs.withKernel(r)), this::referenceError);
        }
    }

    private void reference(ReferenceMargins value) {
        refs = value;
        listener.charts();
        listener.frame();
        listener.status();
    }

    private void referenceError(String message) {
        note("reference margin failed: " + message);
    }

    /** True while a reference margin is still being computed. */
    boolean referencesBusy() {
        return refs.ntk() == null || refs.global() == null || refs.noRotation() == null || refs.kernel() == null;
    }

    /**
     * Computes the tangent-kernel margin of the latest snapshot when the last one is old enough: every
     * 1.5 s at most, and never more often than four times its own cost (it competes with training).
     */
    void maybeTangent(long now) {
        long gap = Math.max(TANGENT_INTERVAL_NANOS, 4 * tangentCost);
        if (latest == null || replay != null || now - lastTangent < gap || (tangentJob != null && !tangentJob.done())) {
            return;
        }
        if (!playing && !tangent.isEmpty() && tangent.get(tangent.size() - 1).step() == latest.step()) {
            return;
        }
        Snapshot snap = latest;
        Dataset train = data.train();
        long runId = run.runId();
        long started = System.nanoTime();
        tangentJob = jobs.submit(mon -> NtkMarginSolver.tangentKernel(train, snap.network(),
                NtkMarginSolver.Options.defaults().withTolerance(config.ntkTolerance()).withMaxIterations(400), mon),
                r -> {
                    tangentCost = System.nanoTime() - started;
                    lastTangent = System.nanoTime();
                    if (current(runId)) {
                        tangent.add(new TangentPoint(snap.step(), snap.time(), r.lower(), r.upper()));
                        listener.charts();
                    }
                }, msg -> note("tangent-kernel margin failed: " + msg));
    }

    /** Samples f on a grid for the region shading of the latest snapshot, unless one is being computed. */
    void requestRegions() {
        if (latest == null || (regionJob != null && !regionJob.done())) {
            return;
        }
        double[] fixed = regionFixedCoordinates();
        if (fixed == null) {
            return;
        }
        Snapshot snap = latest;
        long runId = snap.runId();
        regionJob = jobs.submit(mon -> RegionGrid.compute(snap.network(), 96, fixed), grid -> {
            if (showable(runId)) {
                regions = grid;
                listener.frame();
            }
        }, msg -> { });
    }

    /** Coordinates beyond the view plane for region shading: none for d = 2, the constant bias coordinate for d = 3. */
    private double[] regionFixedCoordinates() {
        Dataset train = data.train();
        if (train.d() == 2) {
            return new double[0];
        }
        if (train.d() == 3 && train.n() > 0 && config.run().dataset().bias() > 0) {
            return new double[] {train.x(0, 2)};
        }
        return null;
    }

    /** What the circle view draws for a snapshot (sharing this session's trails: draw on this thread). */
    CircleScene scene(Snapshot snap) {
        return new CircleScene(snap, data.train(), trails, regions, refs.global(), circleOptions,
                lowrot.render.CircleRenderer.caption(config.run().training().regime(), snap));
    }

    /** The latest snapshot's scene with its own copy of the trails, drawable on any thread. */
    CircleScene sceneCopy() {
        CircleScene sc = scene(latest);
        return new CircleScene(sc.snapshot(), sc.data(), trails == null ? null : trails.copy(), sc.regions(),
                sc.optimal(), sc.options(), sc.caption());
    }

    /** Changes what the circle view shows; a new plane restarts the trails. */
    void setCircleOptions(CircleScene.Options value) {
        boolean newPlane = !value.plane().equals(circleOptions.plane());
        boolean regionsOn = value.regions() && !circleOptions.regions();
        circleOptions = value;
        if (newPlane && trails != null) {
            trails.clear();
        }
        if (regionsOn) {
            requestRegions();
        }
        listener.frame();
    }

    CircleScene.Options circleOptions() {
        return circleOptions;
    }

    void setChartOptions(ChartOptions value) {
        chartOptions = value;
        listener.charts();
    }

    ChartOptions chartOptions() {
        return chartOptions;
    }

    // ---------------------------------------------------------------- replay

    /**
     * Replays a run file: the run stops and the records become snapshots the scrubber moves through.
     * Returns the problem, or null.
     */
    String enterReplay(RunFile.Loaded loaded) {
        if (loaded.records().isEmpty()) {
            return "the run file holds no readable record. " + loaded.warning();
        }
        String problem = tryConfig(loaded.config());
        if (problem != null) {
            return problem;
        }
        pause();
        stopRun();
        data = loaded.data();
        refs = ReferenceMargins.NONE;
        computeReferences();
        RunConfig rc = loaded.config().run();
        replay = RunFile.snapshots(loaded);
        trails = new Trails(rc.network().width(), TRAIL_LENGTH);
        dataMessage = loaded.warning().isEmpty() ? "replaying " + replay.size() + " recorded snapshots"
                : "replay: " + loaded.warning();
        showReplay(replay.size() - 1);
        return null;
    }

    /** Shows recorded snapshot {@code index} (0-based) with the history up to it. */
    void showReplay(int index) {
        if (replay == null || index < 0 || index >= replay.size()) {
            return;
        }
        replayIndex = index;
        latest = replay.get(index);
        history.clear();
        for (int i = 0; i <= index; i++) {
            history.add(replay.get(i).metrics());
        }
        trails.clear();
        for (int i = Math.max(0, index - TRAIL_LENGTH + 1); i <= index; i++) {
            trails.add(replay.get(i), circleOptions.plane());
        }
        listener.frame();
        listener.charts();
        listener.status();
    }

    boolean replaying() {
        return replay != null;
    }

    /** Recorded snapshots of the run being replayed (0 when none). */
    int replaySize() {
        return replay == null ? 0 : replay.size();
    }

    int replayIndex() {
        return replayIndex;
    }

    // ---------------------------------------------------------------- messages

    /** A passing line for the status bar (until the run reports again). */
    void note(String text) {
        note = text;
        listener.status();
    }

    /** A message about the data that stays until the next one (for example what an import changed). */
    void setDataMessage(String text) {
        dataMessage = text;
        listener.status();
    }

    /** The status line: a bound violation (a bug) first, then a passing note, the run's message, the data's. */
    String message() {
        if (boundViolation != null) {
            return boundViolation;
        }
        if (note != null) {
            return note;
        }
        return status != null && !status.message().isEmpty() ? status.message() : dataMessage;
    }

    /** Set when a margin of this run exceeded a certified upper bound: a bug, shown until the next run. */
    String boundViolation() {
        return boundViolation;
    }

    void error(String header, String text) {
        listener.error(header, text);
    }

    // ---------------------------------------------------------------- state

    LabConfig config() {
        return config;
    }

    DataSplit data() {
        return data;
    }

    TrainingRun run() {
        return run;
    }

    boolean playing() {
        return playing;
    }

    Snapshot latest() {
        return latest;
    }

    RunStatus status() {
        return status;
    }

    ReferenceMargins refs() {
        return refs;
    }

    History history() {
        return history;
    }

    /** Tangent-kernel margins computed so far (a live list: copy it to keep it). */
    List<TangentPoint> tangent() {
        return tangent;
    }

    BackgroundJobs jobs() {
        return jobs;
    }
}
