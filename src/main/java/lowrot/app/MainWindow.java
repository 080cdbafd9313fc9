package lowrot.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import lowrot.core.DataSpec;
import lowrot.core.DataSplit;
import lowrot.core.Dataset;
import lowrot.core.DatasetKind;
import lowrot.core.Datasets;
import lowrot.core.GlobalMarginSolver;
import lowrot.core.KernelCeiling;
import lowrot.core.InnerScale;
import lowrot.core.Loss;
import lowrot.core.Metrics;
import lowrot.core.Network;
import lowrot.core.NetworkSpec;
import lowrot.core.NtkMarginSolver;
import lowrot.core.Optimizer;
import lowrot.core.OuterInit;
import lowrot.core.OutputScale;
import lowrot.core.Problems;
import lowrot.core.Regime;
import lowrot.core.RunConfig;
import lowrot.core.Snapshot;
import lowrot.core.TrainSpec;
import lowrot.core.Trainer;
import lowrot.run.MemoryGuard;
import lowrot.io.AtomicFiles;
import lowrot.io.ConfigException;
import lowrot.io.ConfigJson;
import lowrot.io.LabConfig;
import lowrot.io.RunFile;
import lowrot.io.Setting;
import lowrot.render.ChartOptions;
import lowrot.render.ChartSet;
import lowrot.render.CircleLayout;
import lowrot.render.CircleRenderer;
import lowrot.render.CircleScene;
import lowrot.render.Figures;
import lowrot.render.RegionGrid;
import lowrot.render.Trails;
import lowrot.run.History;
import lowrot.run.ReferenceMargins;
import lowrot.run.RunState;
import lowrot.run.RunStatus;
import lowrot.run.TangentPoint;
import lowrot.run.TrainingRun;

/**
 * The lowrot window: controls on the left, the circle view and four live charts in the middle,
 * transport above, status below. Owns the current run and everything drawn from it; all of its
 * methods run on the FX thread.
 */
public final class MainWindow {
    static final int HISTORY_CAPACITY = 2000;
    private static final int TRAIL_LENGTH = 24;
    private static final long CHART_INTERVAL_NANOS = 100_000_000L;
    private static final long TANGENT_INTERVAL_NANOS = 1_500_000_000L;

    private final Stage stage;
    private final ReferenceService service = new ReferenceService();
    private ChartOptions chartOptions = ChartOptions.defaults();
    private final Map<ChartSet.Panel, BitmapView> chartViews = new EnumMap<>(ChartSet.Panel.class);
    private final FigurePainter painter = new FigurePainter(Platform::runLater, this::showCircle, this::showCharts);
    private int chartedMarginPoints;
    private final History history = new History(HISTORY_CAPACITY);
    private final List<TangentPoint> tangent = new ArrayList<>();
    private final List<SettingField> fields = new ArrayList<>();
    private final List<Runnable> refreshers = new ArrayList<>();

    private LabConfig config;
    private DataSplit data;
    private TrainingRun run;
    private SnapshotPump pump;
    private long runCounter;
    private boolean playing;
    private int stepsPerFrame = 10;
    private Snapshot latest;
    private Snapshot drawn;
    private Trails trails;
    private RunStatus status;
    private ReferenceMargins refs = ReferenceMargins.NONE;
    /** Set when a margin of this run exceeded a certified upper bound (a bug); shown until the next run. */
    private String boundViolation;
    private RegionGrid regions;
    private CircleScene.Options circleOptions = CircleScene.Options.defaults();
    private long lastChartUpdate;
    private long lastTangent;
    private long tangentCost;
    private boolean chartsDirty;
    private boolean circleDirty;
    private ReferenceService.Job ntkJob;
    private ReferenceService.Job globalJob;
    private ReferenceService.Job noRotationJob;
    private ReferenceService.Job kernelJob;
    private ReferenceService.Job tangentJob;
    private ReferenceService.Job regionJob;
    private String dataMessage = "";
    private boolean updatingControls;

    private final BitmapView circleView = new BitmapView();
    private final Label hover = new Label();
    private final Label stepLabel = new Label();
    private final Label timeLabel = new Label();
    private final Label rateLabel = new Label();
    private final Label stateLabel = new Label();
    private final Label messageLabel = new Label();
    private final ProgressIndicator refProgress = new ProgressIndicator();
    private final Label refLabel = new Label();
    private final ToggleButton playButton = new ToggleButton("Play");
    private final Slider widthSlider = new Slider(1, 14, 6);
    private final Slider etaSlider = new Slider(-4, 1, Math.log10(0.5));
    private final ComboBox<Regime> regimeBox = new ComboBox<>();
    private final PerfOverlay perf = new PerfOverlay();
    private Scene scene;
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label replayLabel = new Label();
    private final HBox replayBox = new HBox(8);
    private java.util.List<Snapshot> replay;
    private final java.util.concurrent.ExecutorService files = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            lowrot.core.Workers.runStartHook();
            r.run();
        }, "lowrot-files");
        t.setDaemon(true);
        return t;
    });
    private AnimationTimer timer;
    private boolean closed;

    static {
        // Training, solvers and the painter yield the CPU to the FX thread and the renderer.
        lowrot.core.Workers.setStartHook(Niceness::lowerCurrentThread);
    }

    public MainWindow(Stage stage, LabConfig initial) {
        this.stage = stage;
        this.config = initial;
        BorderPane root = new BorderPane();
        root.setTop(new VBox(menuBar(), toolBar()));
        ScrollPane left = new ScrollPane(controls());
        left.setFitToWidth(true);
        left.setPrefWidth(300);
        left.setMinWidth(250);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setLeft(left);
        root.setCenter(centre());
        root.setBottom(statusBar());
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1500, screen.getWidth()), Math.min(920, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/lowrot/lowrot.css")).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addPostLayoutPulseListener(() -> perf.pulseEnd(System.nanoTime()));
        stage.setScene(scene);
        stage.setTitle("lowrot");
        stage.setOnCloseRequest(e -> shutdown());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                perf.frame(now);
                if (stage.isShowing()) {
                    perf.shown();
                }
                if (circleDirty) {
                    circleDirty = false;
                    drawCircle();
                }
                if (chartsDirty && now - lastChartUpdate >= CHART_INTERVAL_NANOS) {
                    chartsDirty = false;
                    lastChartUpdate = now;
                    updateCharts();
                }
                maybeTangent(now);
            }
        };
        timer.start();
        startRun(initial, true);
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
        leaveReplay();
        boolean wasPlaying = playing;
        stopRun();
        LabConfig previous = config;
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
                || rc.training().regime() != previous.run().training().regime();
        if (newInit || previous.run().training().outerTrainable() != rc.training().outerTrainable()) {
            cancel(noRotationJob);
            cancel(kernelJob);
            refs = refs.withNoRotation(null).withKernel(null);
        }
        long runId = ++runCounter;
        boundViolation = null;
        history.clear();
        tangent.clear();
        regions = null;
        latest = null;
        lastTangent = System.nanoTime();
        trails = new Trails(rc.network().width(), TRAIL_LENGTH);
        pump = new SnapshotPump(runId, Platform::runLater, this::onBatch);
        run = new TrainingRun(runId, rc, data, stepsPerFrame, 30_000_000L, next.every(), pump);
        computeReferences();
        refreshControls();
        chartsDirty = true;
        circleDirty = true;
        if (wasPlaying) {
            run.play();
        }
        playing = wasPlaying;
        playButton.setSelected(playing);
        playButton.setText(playing ? "Pause" : "Play");
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

    private static void cancel(ReferenceService.Job job) {
        if (job != null) {
            job.cancel();
        }
    }

    /** Closes the window's work: the trainer thread and the solvers. */
    void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        timer.stop();
        painter.close();
        stopRun();
        files.shutdown();
        service.close();
        if (run != null) {
            try {
                run.stopAndWait(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void onBatch(SnapshotPump.Batch batch) {
        if (run == null || batch.runId() != run.runId() || replay != null) {
            return;
        }
        perf.snapshots(batch.points().size());
        for (Metrics m : batch.points()) {
            history.add(m);
            if (boundViolation == null) {
                boundViolation = refs.violation(m.marginPath());
            }
        }
        if (!batch.points().isEmpty()) {
            chartsDirty = true;
        }
        if (batch.snapshot() != null) {
            latest = batch.snapshot();
            trails.add(latest, circleOptions.plane());
            circleDirty = true;
            if (circleOptions.regions()) {
                computeRegions();
            }
        }
        if (batch.status() != null) {
            status = batch.status();
            perf.rate(status.stepsPerSecond());
            if (status.state() == RunState.DIVERGED || status.state() == RunState.STOPPED) {
                playing = false;
                playButton.setSelected(false);
                playButton.setText("Play");
            }
        }
        updateStatus();
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
        playButton.setSelected(true);
        playButton.setText("Pause");
    }

    void pause() {
        playing = false;
        if (run != null) {
            run.pause();
        }
        playButton.setSelected(false);
        playButton.setText("Play");
    }

    void togglePlay() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    void step() {
        if (replay != null) {
            reset();
        }
        playing = false;
        playButton.setSelected(false);
        playButton.setText("Play");
        run.step(stepsPerFrame);
    }

    void reset() {
        startRun(config, false);
    }

    // ---------------------------------------------------------------- references

    private void computeReferences() {
        Dataset train = data.train();
        LabConfig c = config;
        if (train.n() == 0) {
            return;
        }
        if (refs.ntk() == null && (ntkJob == null || ntkJob.done() || isCancelled(ntkJob))) {
            ntkJob = service.submit(mon -> NtkMarginSolver.solve(train, NtkMarginSolver.Options.defaults()
                    .withDirections(c.ntkDirections()).withTolerance(c.ntkTolerance()).withSeed(c.run().dataSeed()), mon),
                    r -> {
                        refs = refs.withNtk(r);
                        afterReference();
                    }, this::referenceError);
        }
        if (refs.global() == null && (globalJob == null || globalJob.done() || isCancelled(globalJob))) {
            globalJob = service.submit(mon -> GlobalMarginSolver.solve(train, c.globalOptions(), mon), r -> {
                        refs = refs.withGlobal(r);
                        afterReference();
                    }, this::referenceError);
        }
        if (refs.noRotation() == null) {
            cancel(noRotationJob);
            Network init = Trainer.initialNetwork(c.run(), train.d());
            noRotationJob = service.submit(mon -> GlobalMarginSolver.noRotationLimit(train, init, c.globalOptions(), mon),
                    r -> {
                        refs = refs.withNoRotation(r);
                        afterReference();
                    }, this::referenceError);
        }
        if (refs.kernel() == null) {
            cancel(kernelJob);
            Network init = Trainer.initialNetwork(c.run(), train.d());
            kernelJob = service.submit(mon -> KernelCeiling.compute(c.run(), train, init, mon), r -> {
                refs = refs.withKernel(r);
                afterReference();
            }, this::referenceError);
        }
        updateReferenceProgress();
    }

    private static boolean isCancelled(ReferenceService.Job job) {
        return job.monitor().cancelled();
    }

    private void afterReference() {
        chartsDirty = true;
        circleDirty = true;
        updateReferenceProgress();
    }

    private void referenceError(String message) {
        messageLabel.setText("reference margin failed: " + message);
        updateReferenceProgress();
    }

    private void updateReferenceProgress() {
        boolean busy = refs.ntk() == null || refs.global() == null || refs.noRotation() == null || refs.kernel() == null;
        refProgress.setVisible(busy);
        refLabel.setText(busy ? "computing references…" : "references ready");
    }

    private void maybeTangent(long now) {
        // The solve competes with training for the cores: wait at least four times its last cost.
        long gap = Math.max(TANGENT_INTERVAL_NANOS, 4 * tangentCost);
        if (latest == null || now - lastTangent < gap || (tangentJob != null && !tangentJob.done())) {
            return;
        }
        if (!playing && !tangent.isEmpty() && tangent.get(tangent.size() - 1).step() == latest.step()) {
            return;
        }
        Snapshot snap = latest;
        Dataset train = data.train();
        long runId = run.runId();
        long started = System.nanoTime();
        tangentJob = service.submit(mon -> NtkMarginSolver.tangentKernel(train, snap.network(),
                NtkMarginSolver.Options.defaults().withTolerance(config.ntkTolerance()).withMaxIterations(400), mon),
                r -> {
                    tangentCost = System.nanoTime() - started;
                    lastTangent = System.nanoTime();
                    if (run != null && run.runId() == runId) {
                        tangent.add(new TangentPoint(snap.step(), snap.time(), r.lower(), r.upper()));
                        chartsDirty = true;
                    }
                }, msg -> messageLabel.setText("tangent-kernel margin failed: " + msg));
    }

    private void computeRegions() {
        if (latest == null || (regionJob != null && !regionJob.done())) {
            return;
        }
        double[] fixed = regionFixedCoordinates();
        if (fixed == null) {
            return;
        }
        Snapshot snap = latest;
        long runId = run.runId();
        regionJob = service.submit(mon -> RegionGrid.compute(snap.network(), 96, fixed), grid -> {
            if (run != null && run.runId() == runId) {
                regions = grid;
                circleDirty = true;
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

    // ---------------------------------------------------------------- drawing

    private void drawCircle() {
        int w = circleView.logicalWidth();
        int h = circleView.logicalHeight();
        if (latest == null || w < 10 || h < 10) {
            return;
        }
        painter.paintCircle(new FigurePainter.CircleRequest(sceneCopy(), w, h, outputScale()));
    }

    private double outputScale() {
        return stage.getOutputScaleX() > 0 ? stage.getOutputScaleX() : 1;
    }

    /** Whether a frame drawn for {@code runId} may still be shown: not after a new run replaced it. */
    private boolean showable(long runId) {
        return !closed && (replay != null || (run != null && runId == run.runId()));
    }

    private void showCircle(FigurePainter.CircleFrame frame) {
        Snapshot shown = frame.request().scene().snapshot();
        if (!showable(shown.runId())) {
            return;
        }
        circleView.show(frame.image(), frame.request().w(), frame.request().h());
        drawn = shown;
        perf.circleShown();
    }

    private void showCharts(FigurePainter.ChartFrame frame) {
        if (!showable(frame.request().runId())) {
            return;
        }
        for (var e : frame.images().entrySet()) {
            int[] size = frame.request().sizes().get(e.getKey());
            chartViews.get(e.getKey()).show(e.getValue(), size[0], size[1]);
        }
        chartedMarginPoints = frame.marginPoints();
    }

    CircleScene scene(Snapshot snap) {
        return new CircleScene(snap, data.train(), trails, regions, refs.global(), circleOptions, caption(snap));
    }

    private String caption(Snapshot s) {
        return CircleRenderer.caption(config.run().training().regime(), s);
    }

    private void updateCharts() {
        Map<ChartSet.Panel, int[]> sizes = new EnumMap<>(ChartSet.Panel.class);
        for (var e : chartViews.entrySet()) {
            sizes.put(e.getKey(), new int[] {e.getValue().logicalWidth(), e.getValue().logicalHeight()});
        }
        painter.paintCharts(new FigurePainter.ChartRequest(List.copyOf(history.points()), List.copyOf(tangent), refs,
                chartOptions, config.run().training().outerTrainable(), config.run().dataset().kind(), sizes,
                outputScale(), replay == null && run != null ? run.runId() : -1));
    }

    private void updateStatus() {
        Metrics m = latest == null ? null : latest.metrics();
        stepLabel.setText(m == null ? "step —" : String.format("step %,d", m.step()));
        timeLabel.setText(m == null ? "τ —" : "τ = " + ChartSet.fmt(m.time()));
        double rate = status == null ? 0 : status.stepsPerSecond();
        rateLabel.setText(playing && rate > 0 ? String.format("%,.0f steps/s", rate) : "");
        RunState st = status == null ? RunState.READY : status.state();
        stateLabel.setText(replay != null ? "replay" : st.label());
        stateLabel.getStyleClass().setAll("state", "state-" + st.name().toLowerCase());
        String msg = status != null && !status.message().isEmpty() ? status.message() : dataMessage;
        // A margin above a certified bound is a bug, not a result: it stays on screen, in red, for this run.
        messageLabel.setText(boundViolation != null ? boundViolation : msg);
        messageLabel.getStyleClass().removeAll("bound-violation");
        if (boundViolation != null) {
            messageLabel.getStyleClass().add("bound-violation");
        }
    }

    // ---------------------------------------------------------------- layout

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        MenuItem open = new MenuItem("Open config…");
        open.setOnAction(e -> openConfig());
        MenuItem save = new MenuItem("Save config…");
        save.setOnAction(e -> saveConfig());
        MenuItem importCsv = new MenuItem("Import CSV data…");
        importCsv.setOnAction(e -> importCsv());
        MenuItem saveRun = new MenuItem("Save run…");
        saveRun.setOnAction(e -> saveRun());
        MenuItem openRun = new MenuItem("Open run for replay…");
        openRun.setOnAction(e -> openRun());
        Menu export = new Menu("Export");
        for (ExportTarget t : ExportTarget.values()) {
            MenuItem item = new MenuItem(t.label() + "…");
            item.setOnAction(e -> exportDialog(t));
            export.getItems().add(item);
        }
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> {
            shutdown();
            stage.close();
        });
        file.getItems().addAll(open, save, importCsv, new javafx.scene.control.SeparatorMenuItem(), saveRun, openRun,
                new javafx.scene.control.SeparatorMenuItem(), export, new javafx.scene.control.SeparatorMenuItem(), quit);
        Menu view = new Menu("View");
        MenuItem overlay = new MenuItem("Performance overlay");
        overlay.setOnAction(e -> perf.toggle());
        overlay.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F3));
        MenuItem experiments = new MenuItem("Experiments…");
        experiments.setOnAction(e -> openExperiments().show());
        view.getItems().addAll(experiments, overlay);
        Menu help = new Menu("Help");
        MenuItem about = new MenuItem("About the math");
        about.setOnAction(e -> aboutTheMath());
        help.getItems().add(about);
        return new MenuBar(file, view, help);
    }

    private ToolBar toolBar() {
        playButton.setId("play");
        playButton.setTooltip(new Tooltip("Start or pause training (Space)."));
        playButton.setOnAction(e -> togglePlay());
        playButton.setPrefWidth(70);
        Button stepButton = new Button("Step");
        stepButton.setId("step");
        stepButton.setTooltip(new Tooltip("Take one frame's worth of steps, then pause (→)."));
        stepButton.setOnAction(e -> step());
        Button resetButton = new Button("Reset");
        resetButton.setId("reset");
        resetButton.setTooltip(new Tooltip("Start the run again from its initialization (R)."));
        resetButton.setOnAction(e -> reset());
        TextField spf = new TextField(Integer.toString(stepsPerFrame));
        spf.setId("stepsPerFrame");
        spf.setPrefColumnCount(5);
        spf.setTooltip(new Tooltip("Training steps between two pictures (1 to 100000)."));
        Label spfError = new Label();
        spfError.getStyleClass().add("field-error");
        spf.setOnAction(e -> {
            try {
                int v = Integer.parseInt(spf.getText().trim());
                if (v < 1 || v > 100_000) {
                    throw new NumberFormatException();
                }
                stepsPerFrame = v;
                run.setStepsPerSnapshot(v);
                spfError.setText("");
            } catch (NumberFormatException ex) {
                spfError.setText("steps per frame = \"" + spf.getText() + "\": allowed 1 to 100000");
            }
        });
        scrubber.setId("scrubber");
        scrubber.setPrefWidth(360);
        scrubber.setTooltip(new Tooltip("Replay: move through the recorded snapshots of the opened run."));
        scrubber.valueProperty().addListener((o, a, b) -> showReplay((int) Math.round(b.doubleValue())));
        replayBox.getChildren().addAll(new Separator(Orientation.VERTICAL), replayLabel, scrubber);
        replayBox.setAlignment(Pos.CENTER_LEFT);
        replayBox.setVisible(false);
        replayBox.setManaged(false);
        return new ToolBar(playButton, stepButton, resetButton, new Separator(Orientation.VERTICAL),
                new Label("steps per frame"), spf, spfError, replayBox);
    }

    private Node centre() {
        circleView.setMinSize(200, 200);
        circleView.setPrefSize(600, 600);
        circleView.widthProperty().addListener(o -> circleDirty = true);
        circleView.heightProperty().addListener(o -> circleDirty = true);
        circleView.setId("circle");
        hover.getStyleClass().add("hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        circleView.getChildren().add(hover);
        circleView.setOnMouseMoved(this::onHover);
        circleView.setOnMouseExited(e -> hover.setVisible(false));
        circleView.setOnMouseClicked(this::onCircleClick);
        ContextMenu circleMenu = exportMenu(ExportTarget.CIRCLE);
        // Right-click near a data point (d = 2) removes it; anywhere else it offers the export menu.
        circleView.setOnContextMenuRequested(e -> {
            if (nearestPointWithin(e.getX(), e.getY(), 12) < 0) {
                circleMenu.show(circleView, e.getScreenX(), e.getScreenY());
            }
        });
        StackPane perfLayer = new StackPane(circleView, perf.node());
        // Bottom right, above the legend line: the caption runs along the top.
        StackPane.setAlignment(perf.node(), Pos.BOTTOM_RIGHT);
        StackPane.setMargin(perf.node(), new Insets(0, 4, 26, 0));
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        ChartSet.Panel[] panels = ChartSet.Panel.values();
        for (int p = 0; p < panels.length; p++) {
            BitmapView viewer = new BitmapView();
            viewer.setId("chart-" + panels[p].name().toLowerCase());
            viewer.setPrefSize(320, 300);
            viewer.widthProperty().addListener(o -> chartsDirty = true);
            viewer.heightProperty().addListener(o -> chartsDirty = true);
            viewer.setMinSize(200, 150);
            ContextMenu menu = exportMenu(ExportTarget.forPanel(panels[p]));
            viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
            chartViews.put(panels[p], viewer);
            GridPane.setHgrow(viewer, Priority.ALWAYS);
            GridPane.setVgrow(viewer, Priority.ALWAYS);
            grid.add(viewer, p % ChartSet.COLUMNS, p / ChartSet.COLUMNS);
        }
        SplitPane split = new SplitPane(perfLayer, grid);
        split.setDividerPositions(0.36);
        return split;
    }

    private ContextMenu exportMenu(ExportTarget target) {
        MenuItem item = new MenuItem("Export " + target.label().toLowerCase() + " as PNG…");
        item.setOnAction(e -> exportDialog(target));
        MenuItem all = new MenuItem("Export composite figure as PNG…");
        all.setOnAction(e -> exportDialog(ExportTarget.COMPOSITE));
        return new ContextMenu(item, all);
    }

    private Node statusBar() {
        refProgress.setPrefSize(16, 16);
        refProgress.setMaxSize(16, 16);
        stateLabel.setId("state");
        stepLabel.setId("stepLabel");
        messageLabel.setId("message");
        messageLabel.setWrapText(false);
        HBox.setHgrow(messageLabel, Priority.ALWAYS);
        messageLabel.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(14, stepLabel, timeLabel, rateLabel, stateLabel, messageLabel, refProgress, refLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private Node controls() {
        VBox box = new VBox(8);
        box.setPadding(new Insets(8));
        regimeBox.getItems().addAll(Regime.values());
        regimeBox.setId("regime");
        regimeBox.setConverter(labelled(Regime::label, Regime.values()));
        regimeBox.setTooltip(new Tooltip("Pick a regime; each sets data, width and optimizer to a setting that shows it."));
        regimeBox.setMaxWidth(Double.MAX_VALUE);
        regimeBox.setOnAction(e -> {
            if (!updatingControls && regimeBox.getValue() != null) {
                applyPreset(regimeBox.getValue());
            }
        });
        box.getChildren().addAll(new Label("Regime"), regimeBox);

        VBox dataBox = new VBox(6);
        dataBox.getChildren().add(enumChoice("Data set", "dataset.kind", DatasetKind.values(), DatasetKind::label,
                "The family of the data set; the regime presets pick one that shows the regime."));
        dataBox.getChildren().addAll(
                field("dimension d", "dataset.d", "Input dimension (planar data sets use d = 2)."),
                field("training points n", "dataset.n", "Number of training points."),
                field("test points", "dataset.nTest", "Number of held-out test points drawn the same way."),
                field("label noise", "dataset.labelNoise", "Probability of flipping each training label (0 to 0.5)."),
                field("groups r", "dataset.groups", "Neural collapse: number of well-separated groups."),
                field("spread ρ", "dataset.spread", "Neural collapse: radius of each group around its centre."),
                field("gap (degrees)", "dataset.gapDegrees", "Quadrants and sectors: empty angle kept at each label boundary."),
                field("sectors k", "dataset.sectors", "Sectors: number of alternating sectors."),
                field("bias coordinate c", "dataset.bias", "0 for none; c > 0 appends c to every point (a bias in disguise)."));
        box.getChildren().add(titled("Data", dataBox));

        VBox netBox = new VBox(6);
        widthSlider.setId("widthSlider");
        widthSlider.setMajorTickUnit(1);
        widthSlider.setMinorTickCount(0);
        widthSlider.setSnapToTicks(true);
        widthSlider.setShowTickMarks(true);
        widthSlider.setTooltip(new Tooltip("Width m on a log scale (2 to 16384); the run restarts when you release it."));
        Label widthValue = new Label("m = 64");
        widthSlider.valueProperty().addListener((o, a, b) -> widthValue.setText("m = " + (1 << (int) Math.round(b.doubleValue()))));
        widthSlider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                commitWidthSlider();
            }
        });
        widthSlider.setOnMouseReleased(e -> commitWidthSlider());
        widthSlider.setOnKeyReleased(e -> commitWidthSlider());
        netBox.getChildren().addAll(new HBox(8, new Label("width"), widthValue), widthSlider,
                field("width m", "network.width", "Width m typed exactly (1 to 1048576)."),
                enumChoice("output scale s", "network.outputScale", OutputScale.values(), OutputScale::label,
                        "The factor s in f = s·Σ a_j σ(v_j·x)."),
                enumChoice("outer init a", "network.outerInit", OuterInit.values(), OuterInit::label,
                        "Distribution of the initial outer weights a_j."),
                enumChoice("inner init σ_v", "network.innerScale", InnerScale.values(), InnerScale::label,
                        "Standard deviation of the initial inner weights v_j."),
                field("init scale α", "network.initScale", "Multiplies both layers at initialization."),
                check("symmetric pairs", "network.symmetricPairs", "Neurons j and j + m/2 cancel, so f = 0 at the start."),
                check("outer layer trains", "training.outerTrainable", "Whether the outer weights a_j train or stay fixed."));
        box.getChildren().add(titled("Network", netBox));

        VBox trainBox = new VBox(6);
        etaSlider.setId("etaSlider");
        etaSlider.setTooltip(new Tooltip("Step size η on a log scale (1e-4 to 10); takes effect at once, even while running."));
        Label etaValue = new Label("η = 0.5");
        etaSlider.valueProperty().addListener((o, a, b) -> etaValue.setText("η = " + ChartSet.fmt(Math.pow(10, b.doubleValue()))));
        etaSlider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                commitEta(Math.pow(10, etaSlider.getValue()));
            }
        });
        etaSlider.setOnMouseReleased(e -> commitEta(Math.pow(10, etaSlider.getValue())));
        trainBox.getChildren().addAll(
                enumChoice("optimizer", "training.optimizer", Optimizer.values(), Optimizer::label,
                        "Gradient flow (full batch), loss-normalised gradient flow, or SGD."),
                field("batch size b", "training.batchSize", "SGD: examples per step."),
                enumChoice("loss", "training.loss", Loss.values(), Loss::label, "Logistic or exponential loss."),
                new HBox(8, new Label("step size"), etaValue), etaSlider,
                stepSizeField());
        box.getChildren().add(titled("Training", trainBox));

        VBox seedBox = new VBox(6);
        Button newSeeds = new Button("New seeds");
        newSeeds.setId("newSeeds");
        newSeeds.setTooltip(new Tooltip("Draw new data and initialization seeds."));
        newSeeds.setOnAction(e -> {
            RunConfig rc = config.run();
            long s = System.nanoTime();
            tryConfig(config.withRun(rc.withSeeds(Math.floorMod(s, 1_000_000L), Math.floorMod(s / 7, 1_000_000L))));
        });
        seedBox.getChildren().addAll(field("data seed", "seeds.data", "Seed of the data set."),
                field("init seed", "seeds.init", "Seed of the initial weights and SGD batches."), newSeeds);
        box.getChildren().add(titled("Seeds", seedBox));
        box.getChildren().add(titled("View", viewControls()));
        return box;
    }

    private Node viewControls() {
        VBox box = new VBox(6);
        CheckBox rose = viewCheck("rose of angles", "Histogram of neuron angles, weighted by |a|‖v‖.", false,
                v -> circleOptions = circleOptions.withRose(v));
        CheckBox regionsBox = viewCheck("decision regions", "Shade the disk by the sign and size of f (d = 2).", false,
                v -> {
                    circleOptions = circleOptions.withRegions(v);
                    if (v) {
                        computeRegions();
                    }
                });
        CheckBox optimal = viewCheck("optimal network", "Spokes of the global-margin solution.", true,
                v -> circleOptions = circleOptions.withOptimal(v));
        CheckBox trailsBox = viewCheck("trails", "Fading trails of each neuron's recent positions.", true,
                v -> circleOptions = circleOptions.withTrails(v));
        ComboBox<ChartOptions.XAxis> xAxis = new ComboBox<>();
        xAxis.getItems().addAll(ChartOptions.XAxis.values());
        xAxis.setValue(chartOptions.xAxis());
        xAxis.setConverter(labelled(ChartOptions.XAxis::label, ChartOptions.XAxis.values()));
        xAxis.setTooltip(new Tooltip("Plot the charts against GF time τ or against steps."));
        xAxis.setOnAction(e -> setChartOptions(chartOptions.withXAxis(xAxis.getValue())));
        CheckBox logX = new CheckBox("log x axis");
        logX.setSelected(chartOptions.logX());
        logX.setTooltip(new Tooltip("Logarithmic x axis: the slow margin growth shows as a line."));
        logX.setOnAction(e -> setChartOptions(chartOptions.withLogX(logX.isSelected())));
        ComboBox<ChartOptions.MarginUnit> unit = new ComboBox<>();
        unit.setId("marginUnit");
        unit.getItems().addAll(ChartOptions.MarginUnit.values());
        unit.setValue(chartOptions.marginUnit());
        unit.setConverter(labelled(ChartOptions.MarginUnit::label, ChartOptions.MarginUnit.values()));
        unit.setTooltip(new Tooltip("Which normalized margin the margin chart shows."));
        unit.setOnAction(e -> setChartOptions(chartOptions.withMarginUnit(unit.getValue())));
        TextField axisA = new TextField("1");
        TextField axisB = new TextField("2");
        axisA.setId("planeA");
        axisB.setId("planeB");
        axisA.setPrefColumnCount(3);
        axisB.setPrefColumnCount(3);
        Tooltip planeTip = new Tooltip("For d > 2: the coordinate plane e_a–e_b the circle view projects onto.");
        axisA.setTooltip(planeTip);
        axisB.setTooltip(planeTip);
        Label planeError = new Label();
        planeError.getStyleClass().add("field-error");
        planeError.setWrapText(true);
        javafx.event.EventHandler<javafx.event.ActionEvent> setPlane = e -> {
            String problem = setPlane(axisA.getText(), axisB.getText());
            planeError.setText(problem == null ? "" : problem);
        };
        axisA.setOnAction(setPlane);
        axisB.setOnAction(setPlane);
        CheckBox learned = new CheckBox("learned plane (d > 2)");
        learned.setId("learnedPlane");
        learned.setTooltip(new Tooltip("Project on the top two principal directions of the neuron directions, "
                + "weighted by |a_j|‖v_j‖ (an SVD): the plane the network selected. The legend under the circle "
                + "gives its overlap with the e1–e2 plane (1 = the same plane)."));
        learned.setOnAction(e -> {
            setLearnedPlane(learned.isSelected());
            axisA.setDisable(learned.isSelected());
            axisB.setDisable(learned.isSelected());
        });
        box.getChildren().addAll(rose, regionsBox, optimal, trailsBox, new Label("view plane (axes a, b)"),
                new HBox(6, axisA, axisB), learned, planeError, new Label("x axis"), xAxis, logX, new Label("margin"),
                unit);
        return box;
    }

    /** Projects the circle view on the network's learned plane, or back on the typed coordinate plane. */
    void setLearnedPlane(boolean on) {
        CircleLayout.Plane p = circleOptions.plane();
        circleOptions = circleOptions.withPlane(new CircleLayout.Plane(p.a(), p.b(), on));
        trails.clear();
        circleDirty = true;
    }

    /** Sets the view plane from typed 1-based axes; returns the problem, or null. */
    String setPlane(String a, String b) {
        int d = data.train().d();
        try {
            int ia = Integer.parseInt(a.trim());
            int ib = Integer.parseInt(b.trim());
            Problems p = new Problems().range("view plane axis a", ia, 1, d).range("view plane axis b", ib, 1, d)
                    .require(ia != ib, "view plane: axes a and b must differ");
            if (!p.isEmpty()) {
                return String.join("; ", p.messages());
            }
            circleOptions = circleOptions.withPlane(new CircleLayout.Plane(ia - 1, ib - 1));
            trails.clear();
            circleDirty = true;
            return null;
        } catch (NumberFormatException e) {
            return "view plane: axes are whole numbers from 1 to " + d;
        }
    }

    void setChartOptions(ChartOptions o) {
        chartOptions = o;
        chartsDirty = true;
    }

    private CheckBox viewCheck(String label, String tip, boolean initial, java.util.function.Consumer<Boolean> apply) {
        CheckBox box = new CheckBox(label);
        box.setSelected(initial);
        box.setTooltip(new Tooltip(tip));
        box.setOnAction(e -> {
            apply.accept(box.isSelected());
            circleDirty = true;
        });
        return box;
    }

    private static TitledPane titled(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setAnimated(false);
        return pane;
    }

    private SettingField field(String label, String path, String tip) {
        SettingField f = new SettingField(label, path, tip, this::tryConfig);
        fields.add(f);
        return f;
    }

    private SettingField stepSizeField() {
        SettingField f = new SettingField("step size η", "training.stepSize",
                "Step size η typed exactly; takes effect at once, even while running.", candidate -> {
                    Problems p = candidate.validate();
                    if (!p.isEmpty()) {
                        return String.join("; ", p.messages());
                    }
                    commitEta(candidate.run().training().stepSize());
                    return null;
                });
        fields.add(f);
        return f;
    }

    /** Changes η of the running network without restarting it. */
    void commitEta(double eta) {
        if (updatingControls) {
            return;
        }
        TrainSpec t = config.run().training();
        if (t.stepSize() == eta) {
            return;
        }
        Problems p = t.withStepSize(eta).validate(config.run().dataset().n());
        if (!p.isEmpty()) {
            messageLabel.setText(String.join("; ", p.messages()));
            return;
        }
        config = config.withRun(config.run().withTraining(t.withStepSize(eta)));
        if (run != null) {
            run.setStepSize(eta);
        }
        refreshControls();
    }

    private void commitWidthSlider() {
        if (updatingControls) {
            return;
        }
        int m = 1 << (int) Math.round(widthSlider.getValue());
        if (m != config.run().network().width()) {
            String problem = tryConfig(config.withRun(config.run().withNetwork(config.run().network().withWidth(m))));
            if (problem != null) {
                messageLabel.setText(problem);
                refreshControls();
            }
        }
    }

    private <E extends Enum<E>> Node enumChoice(String label, String path, E[] values, Function<E, String> name,
            String tip) {
        Setting s = Setting.find(path);
        ComboBox<E> box = new ComboBox<>();
        box.getItems().addAll(values);
        box.setId(path.replace('.', '-'));
        box.setConverter(labelled(name, values));
        box.setTooltip(new Tooltip(tip));
        box.setMaxWidth(Double.MAX_VALUE);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        box.setOnAction(e -> {
            if (updatingControls || box.getValue() == null || box.getValue() == s.get(config)) {
                return;
            }
            String problem = tryConfig(s.set(config, box.getValue()));
            error.setText(problem == null ? "" : problem);
        });
        refreshers.add(() -> {
            @SuppressWarnings("unchecked")
            E v = (E) s.get(config);
            box.setValue(v);
        });
        return new VBox(2, new Label(label), box, error);
    }

    private Node check(String label, String path, String tip) {
        Setting s = Setting.find(path);
        CheckBox box = new CheckBox(label);
        box.setId(path.replace('.', '-'));
        box.setTooltip(new Tooltip(tip));
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        box.setOnAction(e -> {
            if (updatingControls) {
                return;
            }
            String problem = tryConfig(s.set(config, box.isSelected()));
            error.setText(problem == null ? "" : problem);
            if (problem != null) {
                box.setSelected((Boolean) s.get(config));
            }
        });
        refreshers.add(() -> box.setSelected((Boolean) s.get(config)));
        return new VBox(2, box, error);
    }

    private static <E> javafx.util.StringConverter<E> labelled(Function<E, String> name, E[] values) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : name.apply(e);
            }

            @Override
            public E fromString(String s) {
                for (E e : values) {
                    if (name.apply(e).equals(s)) {
                        return e;
                    }
                }
                return null;
            }
        };
    }

    private void refreshControls() {
        updatingControls = true;
        try {
            for (SettingField f : fields) {
                f.show(config);
            }
            for (Runnable r : refreshers) {
                r.run();
            }
            regimeBox.setValue(config.run().training().regime());
            int m = config.run().network().width();
            double log = Math.log(m) / Math.log(2);
            widthSlider.setValue(Math.max(1, Math.min(14, Math.round(log))));
            etaSlider.setValue(Math.max(-4, Math.min(1, Math.log10(config.run().training().stepSize()))));
        } finally {
            updatingControls = false;
        }
    }

    /** Sensible settings for each regime, so that picking one shows its point at once. */
    void applyPreset(Regime regime) {
        RunConfig rc = config.run();
        LabConfig next = switch (regime) {
            case NEAR_INITIALIZATION -> config.withRun(new RunConfig(DataSpec.defaults(DatasetKind.QUADRANTS),
                    NetworkSpec.defaults().withWidth(64), TrainSpec.defaults().withStepSize(0.5), rc.dataSeed(),
                    rc.initSeed()));
            case NEURAL_COLLAPSE -> config.withRun(new RunConfig(DataSpec.defaults(DatasetKind.NEURAL_COLLAPSE)
                    .withGroups(4).withSpread(0.2), NetworkSpec.defaults().withWidth(64),
                    TrainSpec.defaults().withRegime(Regime.NEURAL_COLLAPSE).withStepSize(0.5), rc.dataSeed(),
                    rc.initSeed()));
            case NO_ROTATION -> config.withRun(new RunConfig(DataSpec.defaults(DatasetKind.QUADRANTS),
                    NetworkSpec.defaults().withWidth(256), TrainSpec.defaults().withRegime(Regime.NO_ROTATION)
                            .withStepSize(0.5), rc.dataSeed(), rc.initSeed()));
        };
        String problem = tryConfig(next);
        if (problem != null) {
            messageLabel.setText(problem);
        }
    }

    // ---------------------------------------------------------------- interaction

    private void onKey(KeyEvent e) {
        if (scene.getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE) {
            togglePlay();
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT) {
            step();
            e.consume();
        } else if (e.getCode() == KeyCode.R) {
            reset();
            e.consume();
        }
    }

    private void onHover(MouseEvent e) {
        if (latest == null) {
            return;
        }
        CircleLayout layout = new CircleLayout(circleView.getWidth(), circleView.getHeight());
        double maxW = CircleRenderer.maxWeight(latest);
        int best = -1;
        double bestDist = 9 * 9;
        for (int j = 0; j < latest.width(); j++) {
            double a = circleOptions.plane().angle(latest, j);
            double r = CircleRenderer.neuronRadius(latest, j, maxW);
            double dx = layout.px(r * Math.cos(a)) - e.getX();
            double dy = layout.py(r * Math.sin(a)) - e.getY();
            if (dx * dx + dy * dy < bestDist) {
                bestDist = dx * dx + dy * dy;
                best = j;
            }
        }
        if (best < 0) {
            hover.setVisible(false);
            return;
        }
        int j = best;
        hover.setText(String.format("neuron %d%nangle %.2f°%nrotation since init %.3f°%n|a_j| = %s%n‖v_j‖ = %s", j,
                Math.toDegrees(circleOptions.plane().angle(latest, j)), Math.toDegrees(latest.rotation(j)),
                ChartSet.fmt(Math.abs(latest.a(j))), ChartSet.fmt(latest.innerNorm(j))));
        hover.relocate(e.getX() + 14, e.getY() + 10);
        hover.setVisible(true);
    }

    /** d = 2 editing: click adds a +1 point, shift-click a −1 point, right-click removes the nearest. */
    private void onCircleClick(MouseEvent e) {
        Dataset train = data.train();
        if (train.d() != 2 || e.isStillSincePress() && e.getClickCount() != 1) {
            return;
        }
        CircleLayout layout = new CircleLayout(circleView.getWidth(), circleView.getHeight());
        double u = (e.getX() - layout.centreX()) / layout.scale();
        double v = (layout.centreY() - e.getY()) / layout.scale();
        Dataset edited;
        try {
            if (e.getButton() == MouseButton.SECONDARY) {
                int i = nearestPointWithin(e.getX(), e.getY(), 12);
                if (i < 0) {
                    return;
                }
                if (train.n() <= 2) {
                    messageLabel.setText("a data set keeps at least two points");
                    return;
                }
                edited = train.minus(i);
            } else if (e.getButton() == MouseButton.PRIMARY) {
                if (u * u + v * v > 1) {
                    messageLabel.setText("points must lie in the unit disk: click inside the circle");
                    return;
                }
                edited = train.plus(new double[] {u, v}, e.isShiftDown() ? -1 : 1);
            } else {
                return;
            }
            edited = Dataset.fromPoints(pointsOf(edited), labelsOf(edited));
        } catch (IllegalArgumentException ex) {
            messageLabel.setText(ex.getMessage());
            return;
        }
        RunConfig rc = config.run();
        DataSpec spec = rc.dataset().withKind(DatasetKind.POINTS).withPoints(edited).withD(2).withN(edited.n())
                .withNTest(0).withBias(0);
        String problem = tryConfig(config.withRun(rc.withDataset(spec)).withCsv(null));
        if (problem != null) {
            messageLabel.setText(problem);
        }
    }

    /** Index of the training point drawn within {@code pixels} of (x, y) in a d = 2 view, else −1. */
    private int nearestPointWithin(double x, double y, double pixels) {
        Dataset train = data.train();
        if (train.d() != 2 || train.n() == 0) {
            return -1;
        }
        CircleLayout layout = new CircleLayout(circleView.getWidth(), circleView.getHeight());
        int i = train.nearest(new double[] {(x - layout.centreX()) / layout.scale(), (layout.centreY() - y) / layout.scale()});
        double dx = layout.px(train.x(i, 0)) - x;
        double dy = layout.py(train.x(i, 1)) - y;
        return dx * dx + dy * dy <= pixels * pixels ? i : -1;
    }

    private static double[][] pointsOf(Dataset d) {
        double[][] out = new double[d.n()][];
        for (int i = 0; i < d.n(); i++) {
            out[i] = d.point(i);
        }
        return out;
    }

    private static double[] labelsOf(Dataset d) {
        return d.copyY();
    }

    // ---------------------------------------------------------------- files

    private void openConfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open config");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("lowrot config", "*.json"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openConfig(f.toPath());
        }
    }

    /**
     * Opens a config file: read and checked on the file thread, applied on the FX thread; problems
     * are shown in a dialog and the current run is kept.
     */
    void openConfig(Path file) {
        files.submit(() -> {
            try {
                LabConfig c = ConfigJson.read(file);
                Platform.runLater(() -> {
                    if (closed) {
                        return;
                    }
                    String problem = tryConfig(c);
                    if (problem != null) {
                        error("Cannot open " + file, problem);
                    }
                });
            } catch (ConfigException e) {
                Platform.runLater(() -> error("Cannot open " + file, String.join("\n", e.problems())));
            }
        });
    }

    private void importCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import CSV data");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV: x1,…,xd,y", "*.csv", "*.txt"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            importCsv(f.toPath());
        }
    }

    /** Replaces the data by the points of a CSV file; problems are shown and the current run is kept. */
    void importCsv(Path file) {
        try {
            lowrot.io.CsvData.Result r = lowrot.io.CsvData.read(file);
            Dataset pts = r.data();
            RunConfig rc = config.run();
            DataSpec spec = rc.dataset().withKind(DatasetKind.POINTS).withPoints(pts).withD(pts.d()).withN(pts.n())
                    .withNTest(0).withBias(0);
            String problem = tryConfig(config.withRun(rc.withDataset(spec)).withCsv(null));
            if (problem != null) {
                error("Cannot use " + file, problem);
            } else {
                dataMessage = r.message().isEmpty() ? "imported " + pts.n() + " points from " + file : r.message();
                updateStatus();
            }
        } catch (ConfigException e) {
            error("Cannot import " + file, String.join("\n", e.problems()));
        }
    }

    private void saveRun() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Save run (run.json and metrics.csv) into a folder");
        java.io.File dir = chooser.showDialog(stage);
        if (dir != null) {
            saveRun(dir.toPath(), null);
        }
    }

    /**
     * Writes run.json and metrics.csv of the current run into {@code dir}, as the command line does
     * (the recording is taken on the trainer's thread, written on a file thread). {@code done} is
     * called on the FX thread with null or the error.
     */
    void saveRun(Path dir, java.util.function.Consumer<String> done) {
        if (run == null) {
            return;
        }
        LabConfig c = config;
        DataSplit d = data;
        run.save(rec -> files.submit(() -> {
            String problem = null;
            try {
                RunFile.write(dir.resolve("run.json"), c, d, rec.snapshots());
                AtomicFiles.writeText(dir.resolve("metrics.csv"), lowrot.io.MetricsCsv.write(rec.rows()));
            } catch (IOException e) {
                problem = e.getMessage();
            }
            String result = problem;
            Platform.runLater(() -> {
                if (result == null) {
                    messageLabel.setText("saved run to " + dir);
                } else {
                    error("Cannot save the run", result);
                }
                if (done != null) {
                    done.accept(result);
                }
            });
        }));
    }

    private void openRun() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open run for replay");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("lowrot run", "*.json"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openRun(f.toPath());
        }
    }

    /** Reads a run file off the FX thread and replays it: the scrubber drives the circle view and charts. */
    void openRun(Path file) {
        messageLabel.setText("reading " + file + " …");
        files.submit(() -> {
            try {
                RunFile.Loaded loaded = RunFile.read(file);
                Platform.runLater(() -> enterReplay(loaded));
            } catch (ConfigException e) {
                Platform.runLater(() -> error("Cannot open " + file, String.join("\n", e.problems())));
            }
        });
    }

    private void enterReplay(RunFile.Loaded loaded) {
        if (loaded.records().isEmpty()) {
            error("Nothing to replay", "the run file holds no readable record. " + loaded.warning());
            return;
        }
        startRun(loaded.config(), true);
        pause();
        stopRun();
        data = loaded.data();
        refs = ReferenceMargins.NONE;
        computeReferences();
        RunConfig rc = loaded.config().run();
        boolean frozen = rc.training().regime().frozenDirections();
        double scale = rc.network().outputScale().value(rc.network().width());
        int d = data.train().d();
        RunFile.Record first = loaded.records().get(0);
        java.util.List<Snapshot> snaps = new ArrayList<>();
        for (RunFile.Record r : loaded.records()) {
            snaps.add(Snapshot.fromWeights(-1, r.metrics(), r.a(), r.v(), first.a(), first.v(), d, scale, frozen));
        }
        replay = snaps;
        trails = new Trails(rc.network().width(), TRAIL_LENGTH);
        scrubber.setMax(snaps.size() - 1);
        scrubber.setMajorTickUnit(1);
        scrubber.setValue(snaps.size() - 1);
        replayBox.setVisible(true);
        replayBox.setManaged(true);
        showReplay(snaps.size() - 1);
        dataMessage = loaded.warning().isEmpty() ? "replaying " + snaps.size() + " recorded snapshots"
                : "replay: " + loaded.warning();
        updateStatus();
    }

    private void showReplay(int index) {
        if (replay == null || index < 0 || index >= replay.size()) {
            return;
        }
        latest = replay.get(index);
        history.clear();
        for (int i = 0; i <= index; i++) {
            history.add(replay.get(i).metrics());
        }
        trails.clear();
        for (int i = Math.max(0, index - TRAIL_LENGTH + 1); i <= index; i++) {
            trails.add(replay.get(i), circleOptions.plane());
        }
        replayLabel.setText(String.format("replay: step %,d (%d of %d)", latest.step(), index + 1, replay.size()));
        circleDirty = true;
        chartsDirty = true;
        updateStatus();
    }

    private void leaveReplay() {
        replay = null;
        replayBox.setVisible(false);
        replayBox.setManaged(false);
    }

    boolean replaying() {
        return replay != null;
    }

    void scrubTo(int index) {
        scrubber.setValue(index);
    }

    private void saveConfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save config");
        chooser.setInitialFileName("lowrot-config.json");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f != null) {
            saveConfig(f.toPath());
        }
    }

    void saveConfig(Path file) {
        LabConfig toSave = config;
        files.submit(() -> {
            try {
                AtomicFiles.writeText(file, ConfigJson.write(toSave));
                Platform.runLater(() -> messageLabel.setText("saved " + file));
            } catch (IOException e) {
                Platform.runLater(() -> error("Cannot save the config", e.getMessage()));
            }
        });
    }

    private void exportDialog(ExportTarget target) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Export " + target.label().toLowerCase());
        dialog.initOwner(stage);
        TextField w = new TextField(Integer.toString(target.defaultWidth()));
        TextField h = new TextField(Integer.toString(target.defaultHeight()));
        CheckBox hiDpi = new CheckBox("2× pixels (HiDPI)");
        Label err = new Label();
        err.getStyleClass().add("field-error");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("width (px)"), w);
        grid.addRow(1, new Label("height (px)"), h);
        grid.add(hiDpi, 1, 2);
        grid.add(err, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, ev -> {
            String problem = checkSize(w.getText(), h.getText());
            if (problem != null) {
                err.setText(problem);
                ev.consume();
            }
        });
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export PNG");
        chooser.setInitialFileName(target.fileName() + ".png");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        exportInBackground(target, f.toPath(), Integer.parseInt(w.getText().trim()),
                Integer.parseInt(h.getText().trim()), hiDpi.isSelected() ? 2 : 1, null);
    }

    /**
     * Copies what the figure shows on the FX thread, then draws, encodes and writes it on the file
     * thread; {@code done} (may be null) gets null or the error, on the FX thread.
     */
    void exportInBackground(ExportTarget target, Path file, int w, int h, double scale,
            java.util.function.Consumer<String> done) {
        if (latest == null) {
            String problem = file + ": nothing to export yet (the run has no snapshot)";
            messageLabel.setText(problem);
            if (done != null) {
                done.accept(problem);
            }
            return;
        }
        // Everything the figure needs, copied on the FX thread; the drawing and the writing happen on
        // the file thread with charts of their own, so the window's charts are never touched there.
        Figure figure = figure();
        files.submit(() -> {
            String problem = null;
            try {
                AtomicFiles.writePng(file, figure.render(target, w, h, scale));
            } catch (IOException | RuntimeException e) {
                problem = e.getMessage();
            }
            String result = problem;
            Platform.runLater(() -> {
                if (result == null) {
                    messageLabel.setText("exported " + file);
                } else {
                    error("Export failed", result);
                }
                if (done != null) {
                    done.accept(result);
                }
            });
        });
    }

    /** An immutable copy of what the figures show, drawable on any thread. */
    private record Figure(CircleScene scene, java.util.List<Metrics> points, java.util.List<TangentPoint> tangent,
            ReferenceMargins refs, ChartOptions options, boolean outerTrainable, DatasetKind kind) {
        java.awt.image.BufferedImage render(ExportTarget target, int w, int h, double scale) {
            ChartSet own = new ChartSet(options);
            own.update(points, tangent, refs, outerTrainable, kind);
            var painter = switch (target) {
                case CIRCLE -> Figures.circle(scene, w, h);
                case COMPOSITE -> Figures.composite(scene, own, h);
                default -> Figures.chart(own.chart(target.panel()), w, h);
            };
            int width = target == ExportTarget.COMPOSITE ? Figures.compositeWidth(h) : w;
            return Figures.bitmap(width, h, scale, painter);
        }
    }

    /** The circle scene of the latest snapshot with its own copy of the trails, drawable on any thread. */
    private CircleScene sceneCopy() {
        CircleScene sc = scene(latest);
        return new CircleScene(sc.snapshot(), sc.data(), trails == null ? null : trails.copy(), sc.regions(),
                sc.optimal(), sc.options(), sc.caption());
    }

    private Figure figure() {
        return new Figure(sceneCopy(), java.util.List.copyOf(history.points()), java.util.List.copyOf(tangent), refs,
                chartOptions, config.run().training().outerTrainable(), config.run().dataset().kind());
    }

    static String checkSize(String w, String h) {
        Problems p = new Problems();
        try {
            p.range("width", Integer.parseInt(w.trim()), 50, 10_000);
        } catch (NumberFormatException e) {
            p.require(false, "width = \"" + w + "\": allowed a whole number from 50 to 10000");
        }
        try {
            p.range("height", Integer.parseInt(h.trim()), 50, 10_000);
        } catch (NumberFormatException e) {
            p.require(false, "height = \"" + h + "\": allowed a whole number from 50 to 10000");
        }
        return p.isEmpty() ? null : String.join("\n", p.messages());
    }

    /** Writes a panel as a PNG of w·scale × h·scale pixels (the composite's width follows from h). */
    void export(ExportTarget target, Path file, int w, int h, double scale) throws IOException {
        if (latest == null) {
            throw new IOException(file + ": nothing to export yet (the run has no snapshot)");
        }
        AtomicFiles.writePng(file, figure().render(target, w, h, scale));
    }

    private void error(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle("lowrot");
        alert.setHeaderText(header);
        alert.setContentText(text);
        alert.show();
    }

    private void aboutTheMath() {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/lowrot/docs/math.md")) {
            text = in == null ? "docs/math.md is missing from this build" : new String(in.readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = e.getMessage();
        }
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("math-text");
        Stage s = new Stage();
        s.initOwner(stage);
        s.setTitle("About the math — lowrot");
        s.setScene(new Scene(new BorderPane(area), 820, 760));
        s.show();
    }

    /** A width-sweep window on the current configuration and data. */
    ExperimentsWindow openExperiments() {
        return new ExperimentsWindow(stage, config.run(), data, () -> refs);
    }

    // ---------------------------------------------------------------- for tests

    TrainingRun run() {
        return run;
    }

    History history() {
        return history;
    }

    Snapshot latest() {
        return latest;
    }

    LabConfig config() {
        return config;
    }

    ChartOptions chartOptions() {
        return chartOptions;
    }

    /** Margin points in the margin chart last shown. */
    int chartedMarginPoints() {
        return chartedMarginPoints;
    }

    /** The snapshot the circle view shows now (null before the first frame). */
    Snapshot drawn() {
        return drawn;
    }

    RunStatus status() {
        return status;
    }

    Label messageLabel() {
        return messageLabel;
    }

    PerfOverlay perf() {
        return perf;
    }

    boolean playing() {
        return playing;
    }

    void setWidthSlider(double log2) {
        widthSlider.setValue(log2);
        commitWidthSlider();
    }
}
