package lowrot.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lowrot.core.model.Regime;
import lowrot.core.train.Snapshot;
import lowrot.io.LabConfig;

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
    private final WindowPrefs prefs = WindowPrefs.standard();
    private final PresentationMode presentation;
    private final Tour tour;

    private final StatusBar statusBar;
    private final TransportBar transport;
    private final AnimationRecorder recorder;
    private boolean closed;

    public MainWindow(Stage stage, LabConfig initial) {
        this.stage = stage;
        // Training, solvers, files and the painter yield the CPU to the FX thread and the renderer.
        this.jobs = new BackgroundJobs(FxThread.EXECUTOR, Niceness.LOWEST, Niceness.LOWER);
        this.session = new LabSession(initial, FxThread.EXECUTOR, jobs, Niceness.LOWER);
        this.viewPanel = new ViewPanel(session);
        this.controls = new ControlPanel(session, viewPanel);
        this.exports = new Exports(session, stage);
        this.files = new FileActions(session, stage);
        this.figures = new LiveFigures(session, stage, perf, exports::menu);
        this.statusBar = new StatusBar(session);
        this.transport = new TransportBar(session);
        this.recorder = new AnimationRecorder(session, stage);
        this.tour = new Tour(session, figures, transport, viewPanel, prefs, jobs);
        session.setListener(new SessionListener() {
            @Override
            public void runStarted() {
                controls.refresh();
                tour.runStarted();
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
                tour.refresh();
                if (optimalNetwork != null && optimalNetwork.showing()) {
                    optimalNetwork.refresh();
                }
            }

            @Override
            public void error(String header, String text) {
                showError(header, text);
            }
        });
        BorderPane root = new BorderPane();
        ScrollPane left = new ScrollPane(controls.node());
        this.presentation = new PresentationMode(stage, root, left, session, figures, prefs, tour::setLargeText);
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(
                presentation.controlsButton(), transport.node(), transport.pinNode(), recorder.node());
        javafx.scene.layout.HBox.setHgrow(transport.node(), javafx.scene.layout.Priority.ALWAYS);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.setTop(new VBox(menuBar(), top));
        left.setFitToWidth(true);
        left.setPrefWidth(300);
        left.setMinWidth(250);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setLeft(left);
        root.setCenter(figures.node());
        root.setBottom(new VBox(tour.node(), statusBar.node()));
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1500, screen.getWidth()), Math.min(920, screen.getHeight()));
        scene.getStylesheets()
                .add(Objects.requireNonNull(getClass().getResource("/lowrot/lowrot.css"))
                        .toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addPostLayoutPulseListener(() -> perf.pulseEnd(System.nanoTime()));
        stage.setScene(scene);
        stage.setTitle("lowrot");
        stage.setOnCloseRequest(e -> shutdown());
        figures.start();
        session.start();
        prefs.reportTo(session::settingsNote);
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
        file.getItems()
                .addAll(
                        item("Open config…", files::openConfig),
                        item("Save config…", files::saveConfig),
                        item("Import CSV data…", files::importCsv),
                        new SeparatorMenuItem(),
                        item("Save run…", files::saveRun),
                        item("Open run for replay…", files::openRun),
                        new SeparatorMenuItem());
        MenuItem record = item("Record animation…", recorder::toggle);
        record.setAccelerator(
                new KeyCodeCombination(KeyCode.R, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN));
        file.getItems().addAll(record, new SeparatorMenuItem());
        Menu export = new Menu("Export");
        for (ExportTarget t : ExportTarget.values()) {
            export.getItems().add(item(t.label() + "…", () -> exports.dialog(t)));
        }
        file.getItems().addAll(export, new SeparatorMenuItem(), item("Quit", () -> {
            shutdown();
            stage.close();
        }));
        Menu edit = new Menu("Edit");
        MenuItem undo = item("Undo settings change", this::undoSettings);
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        edit.getItems().add(undo);
        Menu view = new Menu("View");
        MenuItem overlay = item("Performance overlay", perf::toggle);
        overlay.setAccelerator(new KeyCodeCombination(KeyCode.F3));
        MenuItem present = item("Presentation", presentation::toggle);
        present.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        view.getItems()
                .addAll(
                        item("Experiments…", () -> openExperiments().show()),
                        item("Optimal network (γ_gl)…", () -> optimalNetwork().show()),
                        overlay,
                        new SeparatorMenuItem(),
                        present,
                        presentation.figuresMenu());
        Menu help = new Menu("Help");
        help.getItems().addAll(item("Tour of the paper", tour::open), item("About the math", this::aboutTheMath));
        return new MenuBar(file, edit, view, help);
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The status bar, the transport bar and the performance overlay show the session's state. */
    private void updateStatus() {
        statusBar.update();
        transport.update();
        perf.rate(session.status() == null ? 0 : session.status().stepsPerSecond());
    }

    private void onKey(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return; // Ctrl+Shift+R records, F3 toggles the overlay: accelerators, not the single keys below
        }
        boolean typing = scene.getFocusOwner() instanceof TextInputControl;
        if (tour.onKey(e, typing)) {
            return;
        }
        if (typing) {
            if (e.getCode() == KeyCode.ESCAPE) {
                // Esc leaves the field, so that Space, → and R drive the run again.
                scene.getRoot().requestFocus();
                e.consume();
            }
            return;
        }
        if (e.getCode() == KeyCode.SPACE) {
            session.transport().togglePlay();
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT) {
            session.transport().step();
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
            text = in == null
                    ? "docs/math.md is missing from this build"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = e.getMessage();
        }
        javafx.scene.control.ScrollPane page = new javafx.scene.control.ScrollPane(MarkdownView.render(text));
        page.setFitToWidth(true);
        page.getStyleClass().add("math-text");
        Stage s = new Stage();
        s.initOwner(stage);
        s.setTitle("About the math — lowrot");
        Scene scene = new Scene(new BorderPane(page), 860, 780);
        // Esc and Ctrl+W close the page, as in any help window.
        scene.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || (e.getCode() == KeyCode.W && e.isShortcutDown())) {
                s.close();
            }
        });
        s.setScene(scene);
        mathWindow = s;
        s.show();
    }

    private Stage mathWindow;
    private OptimalNetworkWindow optimalNetwork;

    /** View → Optimal network (one window, created when first asked for). */
    OptimalNetworkWindow optimalNetwork() {
        if (optimalNetwork == null) {
            optimalNetwork = new OptimalNetworkWindow(stage, session);
        }
        return optimalNetwork;
    }

    /** The last Help → About the math window opened (for tests), or null. */
    Stage mathWindow() {
        return mathWindow;
    }

    /** Opens Help → About the math. */
    void showMath() {
        aboutTheMath();
    }

    /** A width-sweep window on the current configuration and data. */
    ExperimentsWindow openExperiments() {
        return new ExperimentsWindow(stage, session.config().run(), session.data(), session::refs);
    }

    // ------------------------------------------------------ the parts, as the tests and --stress drive them

    LabSession session() {
        return session;
    }

    FileActions files() {
        return files;
    }

    AnimationRecorder recorder() {
        return recorder;
    }

    Exports exports() {
        return exports;
    }

    /** Plays as fast as possible, as the speed menu's last entry does (for measurements of throughput). */
    void playAsFastAsPossible() {
        transport.playAsFastAsPossible();
    }

    /** Brings back the settings before the last change (Ctrl+Z), says what came back, and shows it in the controls. */
    void undoSettings() {
        lowrot.io.LabConfig before = session.config();
        if (!session.undo()) {
            session.settingsNote("nothing to undo: the settings are those the window started with");
            return;
        }
        controls.refresh();
        String changed = controls.describeChange(before, session.config());
        session.settingsNote("undone — " + (changed.isEmpty() ? "the previous run again" : changed));
    }

    /** Changes η as the step-size field does (and shows the result in the controls). */
    void commitEta(double eta) {
        controls.commitEta(eta);
    }

    /** Picks a regime as the regime box does. */
    void applyPreset(Regime regime) {
        String problem = session.applyPreset(regime);
        if (problem != null) {
            session.note(problem);
        }
    }

    /** Moves the width slider and releases it. */
    void setWidthSlider(double log2) {
        controls.setWidthSlider(log2);
    }

    /** Types the view plane's axes, as in the View panel; returns the problem, or null. */
    String setPlane(String a, String b) {
        return viewPanel.setPlane(a, b);
    }

    /** Moves the replay scrubber. */
    void scrubTo(int index) {
        transport.scrubTo(index);
    }

    int chartedMarginPoints() {
        return figures.chartedMarginPoints();
    }

    Snapshot drawn() {
        return figures.drawn();
    }

    /** The circle view's neuron hover label, or null while hidden. */
    String circleHoverText() {
        return figures.hoverText();
    }

    Label messageLabel() {
        return statusBar.messageLabel();
    }

    PerfOverlay perf() {
        return perf;
    }

    Tour tour() {
        return tour;
    }

    PresentationMode presentation() {
        return presentation;
    }

    LiveFigures figures() {
        return figures;
    }

    Stage stage() {
        return stage;
    }
}
