package lowrot.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lowrot.core.Metrics;
import lowrot.core.Regime;
import lowrot.core.Snapshot;
import lowrot.core.Workers;
import lowrot.io.LabConfig;
import lowrot.render.ChartOptions;
import lowrot.render.ChartSet;
import lowrot.render.CircleScene;
import lowrot.run.History;
import lowrot.run.RunState;
import lowrot.run.RunStatus;
import lowrot.run.TrainingRun;

/**
 * The lowrot window, wired together: the session model ({@link LabSession}) and the views that observe
 * it — control panel, live figures, file actions, exports — with the menus, the transport bar, the status
 * bar and the keys. Everything here runs on the FX thread; see docs/architecture.md for who does what.
 */
public final class MainWindow {
    private final Stage stage;
    private final LabSession session;
    private final BackgroundJobs jobs;
    private final ViewPanel viewPanel;
    private final ControlPanel controls;
    private final LiveFigures figures;
    private final FileActions files;
    private final Exports exports;
    private final PerfOverlay perf = new PerfOverlay();
    private final Scene scene;

    private final Label stepLabel = new Label();
    private final Label timeLabel = new Label();
    private final Label rateLabel = new Label();
    private final Label stateLabel = new Label();
    private final Label messageLabel = new Label();
    private final ProgressIndicator refProgress = new ProgressIndicator();
    private final Label refLabel = new Label();
    private final ToggleButton playButton = new ToggleButton("Play");
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label replayLabel = new Label();
    private final HBox replayBox = new HBox(8);
    private boolean closed;

    static {
        // Training, solvers and the painter yield the CPU to the FX thread and the renderer.
        Workers.setStartHook(Niceness::lowerCurrentThread);
    }

    public MainWindow(Stage stage, LabConfig initial) {
        this.stage = stage;
        this.jobs = new BackgroundJobs(FxThread.EXECUTOR, Workers::runStartHook);
        this.session = new LabSession(initial, FxThread.EXECUTOR, jobs);
        this.viewPanel = new ViewPanel(session);
        this.controls = new ControlPanel(session, viewPanel);
        this.exports = new Exports(session, stage);
        this.files = new FileActions(session, stage);
        this.figures = new LiveFigures(session, stage, perf, exports::menu);
        session.setListener(new LabSession.Listener() {
            @Override
            public void runStarted() {
                controls.refresh();
            }

            @Override
            public void frame() {
                figures.circleChanged();
            }

            @Override
            public void charts() {
                figures.chartsChanged();
            }

            @Override
            public void delivered(int points) {
                perf.snapshots(points);
            }

            @Override
            public void status() {
                updateStatus();
            }

            @Override
            public void error(String header, String text) {
                showError(header, text);
            }
        });
        BorderPane root = new BorderPane();
        root.setTop(new VBox(menuBar(), toolBar()));
        ScrollPane left = new ScrollPane(controls.node());
        left.setFitToWidth(true);
        left.setPrefWidth(300);
        left.setMinWidth(250);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setLeft(left);
        root.setCenter(figures.node());
        root.setBottom(statusBar());
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1500, screen.getWidth()), Math.min(920, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/lowrot/lowrot.css")).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addPostLayoutPulseListener(() -> perf.pulseEnd(System.nanoTime()));
        stage.setScene(scene);
        stage.setTitle("lowrot");
        stage.setOnCloseRequest(e -> shutdown());
        figures.start();
        session.start();
    }

    /** Closes the window's work: the figures, the trainer thread, the solvers and the file thread. */
    void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        figures.close();
        session.close();
        jobs.close();
    }

    // ---------------------------------------------------------------- layout

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        file.getItems().addAll(item("Open config…", files::openConfig), item("Save config…", files::saveConfig),
                item("Import CSV data…", files::importCsv), new SeparatorMenuItem(),
                item("Save run…", files::saveRun), item("Open run for replay…", files::openRun), new SeparatorMenuItem());
        Menu export = new Menu("Export");
        for (ExportTarget t : ExportTarget.values()) {
            export.getItems().add(item(t.label() + "…", () -> exports.dialog(t)));
        }
        file.getItems().addAll(export, new SeparatorMenuItem(), item("Quit", () -> {
            shutdown();
            stage.close();
        }));
        Menu view = new Menu("View");
        MenuItem overlay = item("Performance overlay", perf::toggle);
        overlay.setAccelerator(new KeyCodeCombination(KeyCode.F3));
        view.getItems().addAll(item("Experiments…", () -> openExperiments().show()), overlay);
        Menu help = new Menu("Help");
        help.getItems().add(item("About the math", this::aboutTheMath));
        return new MenuBar(file, view, help);
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolBar() {
        playButton.setId("play");
        playButton.setTooltip(new Tooltip("Start or pause training (Space)."));
        playButton.setOnAction(e -> session.togglePlay());
        playButton.setPrefWidth(70);
        Button stepButton = new Button("Step");
        stepButton.setId("step");
        stepButton.setTooltip(new Tooltip("Take one frame's worth of steps, then pause (→)."));
        stepButton.setOnAction(e -> session.step());
        Button resetButton = new Button("Reset");
        resetButton.setId("reset");
        resetButton.setTooltip(new Tooltip("Start the run again from its initialization (R)."));
        resetButton.setOnAction(e -> session.reset());
        TextField spf = new TextField(Integer.toString(session.stepsPerFrame()));
        spf.setId("stepsPerFrame");
        spf.setPrefColumnCount(5);
        spf.setTooltip(new Tooltip("Training steps between two pictures (1 to 100000)."));
        Label spfError = new Label();
        spfError.getStyleClass().add("field-error");
        spf.setOnAction(e -> {
            String problem;
            try {
                problem = session.setStepsPerFrame(Integer.parseInt(spf.getText().trim()));
            } catch (NumberFormatException ex) {
                problem = "steps per frame = \"" + spf.getText() + "\": allowed 1 to 100000";
            }
            spfError.setText(problem == null ? "" : problem);
        });
        scrubber.setId("scrubber");
        scrubber.setPrefWidth(360);
        scrubber.setTooltip(new Tooltip("Replay: move through the recorded snapshots of the opened run."));
        scrubber.valueProperty().addListener((o, a, b) -> session.showReplay((int) Math.round(b.doubleValue())));
        replayBox.getChildren().addAll(new Separator(Orientation.VERTICAL), replayLabel, scrubber);
        replayBox.setAlignment(Pos.CENTER_LEFT);
        replayBox.setVisible(false);
        replayBox.setManaged(false);
        return new ToolBar(playButton, stepButton, resetButton, new Separator(Orientation.VERTICAL),
                new Label("steps per frame"), spf, spfError, replayBox);
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

    /** The status bar, the play button and the replay bar show the session's state. */
    private void updateStatus() {
        Snapshot latest = session.latest();
        Metrics m = latest == null ? null : latest.metrics();
        RunStatus status = session.status();
        boolean playing = session.playing();
        playButton.setSelected(playing);
        playButton.setText(playing ? "Pause" : "Play");
        stepLabel.setText(m == null ? "step —" : String.format("step %,d", m.step()));
        timeLabel.setText(m == null ? "τ —" : "τ = " + ChartSet.fmt(m.time()));
        double rate = status == null ? 0 : status.stepsPerSecond();
        perf.rate(rate);
        rateLabel.setText(playing && rate > 0 ? String.format("%,.0f steps/s", rate) : "");
        RunState st = status == null ? RunState.READY : status.state();
        stateLabel.setText(session.replaying() ? "replay" : st.label());
        stateLabel.getStyleClass().setAll("state", "state-" + st.name().toLowerCase());
        // A margin above a certified bound is a bug, not a result: it stays on screen, in red, for this run.
        messageLabel.setText(session.message());
        messageLabel.getStyleClass().removeAll("bound-violation");
        if (session.boundViolation() != null) {
            messageLabel.getStyleClass().add("bound-violation");
        }
        boolean busy = session.referencesBusy();
        refProgress.setVisible(busy);
        refLabel.setText(busy ? "computing references…" : "references ready");
        boolean replay = session.replaying();
        replayBox.setVisible(replay);
        replayBox.setManaged(replay);
        if (replay) {
            if (scrubber.getMax() != session.replaySize() - 1) {
                scrubber.setMax(session.replaySize() - 1);
                scrubber.setMajorTickUnit(1);
            }
            scrubber.setValue(session.replayIndex());
            replayLabel.setText(String.format("replay: step %,d (%d of %d)", latest.step(), session.replayIndex() + 1,
                    session.replaySize()));
        }
    }

    private void onKey(KeyEvent e) {
        if (scene.getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.SPACE) {
            session.togglePlay();
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT) {
            session.step();
            e.consume();
        } else if (e.getCode() == KeyCode.R) {
            session.reset();
            e.consume();
        }
    }

    private void showError(String header, String text) {
        if (closed) {
            return;
        }
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
        return new ExperimentsWindow(stage, session.config().run(), session.data(), session::refs);
    }

    // ------------------------------------------------------ the window's actions, as the tests and --stress use them

    LabSession session() {
        return session;
    }

    String tryConfig(LabConfig c) {
        return session.tryConfig(c);
    }

    void play() {
        session.play();
    }

    void pause() {
        session.pause();
    }

    void step() {
        session.step();
    }

    void reset() {
        session.reset();
    }

    void commitEta(double eta) {
        controls.commitEta(eta);
    }

    void applyPreset(Regime regime) {
        String problem = session.applyPreset(regime);
        if (problem != null) {
            session.note(problem);
        }
    }

    void setWidthSlider(double log2) {
        controls.setWidthSlider(log2);
    }

    String setPlane(String a, String b) {
        return viewPanel.setPlane(a, b);
    }

    void setChartOptions(ChartOptions o) {
        session.setChartOptions(o);
    }

    void openConfig(Path file) {
        files.openConfig(file);
    }

    void saveConfig(Path file) {
        files.saveConfig(file);
    }

    void importCsv(Path file) {
        files.importCsv(file);
    }

    void saveRun(Path dir, Consumer<String> done) {
        files.saveRun(dir, done);
    }

    void openRun(Path file) {
        files.openRun(file);
    }

    void scrubTo(int index) {
        scrubber.setValue(index);
    }

    void export(ExportTarget target, Path file, int w, int h, double scale) throws IOException {
        exports.now(target, file, w, h, scale);
    }

    void exportInBackground(ExportTarget target, Path file, int w, int h, double scale, Consumer<String> done) {
        exports.inBackground(target, file, w, h, scale, done);
    }

    CircleScene scene(Snapshot s) {
        return session.scene(s);
    }

    TrainingRun run() {
        return session.run();
    }

    History history() {
        return session.history();
    }

    Snapshot latest() {
        return session.latest();
    }

    LabConfig config() {
        return session.config();
    }

    ChartOptions chartOptions() {
        return session.chartOptions();
    }

    RunStatus status() {
        return session.status();
    }

    boolean playing() {
        return session.playing();
    }

    boolean replaying() {
        return session.replaying();
    }

    int chartedMarginPoints() {
        return figures.chartedMarginPoints();
    }

    Snapshot drawn() {
        return figures.drawn();
    }

    Label messageLabel() {
        return messageLabel;
    }

    PerfOverlay perf() {
        return perf;
    }
}
