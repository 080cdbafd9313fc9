package lowrot.app;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import lowrot.core.data.DataSplit;
import lowrot.core.experiment.Laziness;
import lowrot.core.experiment.WidthSweep;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Metrics;
import lowrot.io.AtomicFiles;
import lowrot.render.Figures;
import lowrot.render.Palette;
import lowrot.render.SweepCharts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Experiments window: the width experiment on the current configuration (widths × seeds to one GF time:
 * margin, rotation, motion per √m and pattern flips against m with their fitted exponents beside the kernel
 * regime's m^−½) on background threads, with a progress bar, charts that fill in as runs finish, cancel and
 * export; and, on a second tab, the sample-complexity experiment of 2-sparse parity. The sweep's results reach the
 * FX thread through {@link Arrivals}, at most one hand-off pending.
 */
final class ExperimentsWindow {
    private final Stage stage = new Stage();
    private final TextField widths = new TextField("8,32,128,512,2048,8192,16384");
    private final TextField seeds = new TextField("3");
    private final TextField time = new TextField("100");
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button run = new Button("Run sweep");
    private final Button cancel = new Button("Cancel");
    private final Button export = new Button("Export PNG…");
    private static final int CHARTS = 1 + Laziness.Measure.values().length;
    private final ChartViewer[] viewers = new ChartViewer[CHARTS];
    private final javafx.scene.control.TextArea exponents = new javafx.scene.control.TextArea();
    private final List<WidthSweep.Point> points = new ArrayList<>();
    private final Arrivals<WidthSweep.Point> arrived = new Arrivals<>(FxThread.EXECUTOR, this::chart);
    private ExperimentJob job;
    private final RunConfig base;
    private final DataSplit data;
    private final java.util.function.Supplier<ReferenceMargins> refs;
    private final ComplexityPane complexity;
    private final ClaimsPane claims = new ClaimsPane();
    private final javafx.scene.control.TabPane tabs;

    /** The tabs by the names {@code --experiments=NAME} accepts, in order. */
    static final List<String> TABS = List.of("width", "complexity", "claims");

    private volatile boolean finished;

    ExperimentsWindow(Stage owner, RunConfig base, DataSplit data, java.util.function.Supplier<ReferenceMargins> refs) {
        this.base = base;
        this.data = data;
        this.refs = refs;
        widths.setId("sweepWidths");
        widths.setPrefColumnCount(24);
        seeds.setPrefColumnCount(4);
        time.setPrefColumnCount(7);
        seeds.setId("sweepSeeds");
        time.setId("sweepTime");
        widths.setTooltip(new Tooltip("Widths to train, comma separated (each 1 to 1048576)."));
        seeds.setTooltip(new Tooltip("Initialization seeds per width (1 to 100); the data stay the same."));
        time.setTooltip(new Tooltip("GF time τ every run trains to."));
        message.getStyleClass().add("field-error");
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> cancelJob());
        cancel.setDisable(true);
        export.setOnAction(e -> exportDialog());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(
                0,
                new Label("widths"),
                widths,
                new Label("seeds"),
                seeds,
                new Label("GF time τ"),
                time,
                run,
                cancel,
                export);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox status = new HBox(10, progress, message);
        HBox.setHgrow(progress, Priority.ALWAYS);
        GridPane charts = new GridPane();
        charts.setHgap(4);
        for (int c = 0; c < 3; c++) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            charts.getColumnConstraints().add(column);
        }
        for (int r = 0; r < 2; r++) {
            javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
            row.setPercentHeight(50);
            charts.getRowConstraints().add(row);
        }
        charts.setVgap(4);
        for (int k = 0; k < CHARTS; k++) {
            viewers[k] = new ChartViewer(chart(k), false);
            viewers[k].setMinSize(250, 220);
            GridPane.setHgrow(viewers[k], Priority.ALWAYS);
            GridPane.setVgrow(viewers[k], Priority.ALWAYS);
            charts.add(viewers[k], k % 3, k / 3);
        }
        exponents.setEditable(false);
        exponents.setWrapText(true);
        exponents.setId("sweepExponents");
        exponents.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace; -fx-font-size: 11px;");
        exponents.setPromptText("Fitted exponents against the width appear here; the kernel regime predicts m^−½.");
        exponents.setMinSize(250, 120);
        charts.add(exponents, 2, 1);
        BorderPane sweep = new BorderPane(charts);
        sweep.setTop(new javafx.scene.layout.VBox(8, form, status));
        sweep.setPadding(new Insets(8));
        complexity = new ComplexityPane();
        tabs = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("Width experiment (laziness)", sweep),
                new javafx.scene.control.Tab("Sample complexity (parity)", complexity),
                new javafx.scene.control.Tab("Claims", claims));
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        stage.initOwner(owner);
        stage.setTitle("Experiments — lowrot");
        Scene scene = new Scene(tabs, 1300, 820);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            cancelJob();
            complexity.cancel();
            claims.cancel();
        });
    }

    private void cancelJob() {
        if (job != null) {
            job.cancel();
        }
    }

    void show() {
        stage.show();
    }

    Stage stage() {
        return stage;
    }

    /** Shows a tab of {@link #TABS} and starts its experiment with the values in its fields. */
    void startTab(String name) {
        int index = TABS.indexOf(name);
        tabs.getSelectionModel().select(Math.max(0, index));
        switch (name) {
            case "complexity" -> complexity.start();
            case "claims" -> claims.start();
            default -> start();
        }
    }

    ClaimsPane claims() {
        return claims;
    }

    ComplexityPane complexity() {
        return complexity;
    }

    List<WidthSweep.Point> points() {
        return points;
    }

    boolean finished() {
        return finished;
    }

    /** Chart 0: the final margin; then one chart per {@link Laziness.Measure}, log–log with its fit and m^−½. */
    private JFreeChart chart(int k) {
        if (k == 0) {
            return SweepCharts.chart(
                    "Final margin against width",
                    "path-norm margin γ_P",
                    List.of(new SweepCharts.Line(
                            "γ_P (mean ± sd)", WidthSweep.summarise(points, Metrics::marginPath), Palette.MARGIN)),
                    refs.get(),
                    false);
        }
        Color[] colours = {Palette.POSITIVE, Palette.NEGATIVE, Palette.INK, Palette.NTK};
        return SweepCharts.laziness(points, Laziness.Measure.values()[k - 1], colours[k - 1]);
    }

    /** Starts a sweep with the typed parameters; returns the problem if they are invalid. */
    String start() {
        int[] ws;
        int ns;
        double t;
        try {
            ws = NumberFields.integers(widths.getText(), "widths", 1, lowrot.core.model.NetworkSpec.MAX_WIDTH);
            if (ws.length == 0) {
                throw new IllegalArgumentException(
                        "widths: at least one width is needed, 1 to " + lowrot.core.model.NetworkSpec.MAX_WIDTH);
            }
            ns = NumberFields.integer(seeds.getText(), "seeds", 1, 100);
            t = NumberFields.between(time.getText(), "GF time τ", 0, 1e9);
        } catch (IllegalArgumentException e) {
            message.getStyleClass().setAll("label", "field-error");
            message.setText(e.getMessage());
            return message.getText();
        }
        message.getStyleClass().setAll("label", "note");
        message.setText("");
        points.clear();
        finished = false;
        refresh();
        long[] seedList = new long[ns];
        for (int s = 0; s < ns; s++) {
            seedList[s] = base.initSeed() + s;
        }
        int[] widthList = ws;
        double until = t;
        run.setDisable(true);
        cancel.setDisable(false);
        job = ExperimentJob.start(
                "lowrot-sweep",
                progress,
                monitor -> WidthSweep.run(
                        base,
                        data,
                        widthList,
                        seedList,
                        until,
                        10_000_000L,
                        Runtime.getRuntime().availableProcessors(),
                        monitor,
                        arrived::add,
                        WidthSweep.allCells(widthList.length, seedList.length)),
                outcome -> {
                    arrived.deliver();
                    boolean ok = outcome.problem() == null;
                    message.setText(ok ? "done: " + outcome.value().size() + " runs" : outcome.problem());
                    message.getStyleClass().setAll("label", ok ? "note" : "field-error");
                    run.setDisable(false);
                    cancel.setDisable(true);
                    finished = true;
                });
        return null;
    }

    /** Adds finished runs to the charts (FX thread). */
    private void chart(List<WidthSweep.Point> batch) {
        points.addAll(batch);
        points.sort(java.util.Comparator.comparingInt(WidthSweep.Point::width));
        refresh();
    }

    private void refresh() {
        for (int k = 0; k < CHARTS; k++) {
            viewers[k].setChart(chart(k));
        }
        exponents.setText(
                points.isEmpty()
                        ? ""
                        : "Against the width (the kernel regime predicts m^−½ for each):\n"
                                + String.join("\n", Laziness.report(points)));
    }

    String exponentsText() {
        return exponents.getText();
    }

    private void exportDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the sweep as PNG");
        chooser.setInitialFileName("sweep.png");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f != null) {
            try {
                export(f.toPath());
                message.setText("exported " + f);
            } catch (java.io.IOException e) {
                message.setText("export failed: " + e.getMessage());
            }
        }
    }

    /** Writes the margin and the four laziness charts, three to a row (1800 × 1000 pixels). */
    void export(Path file) throws java.io.IOException {
        JFreeChart[] charts = new JFreeChart[CHARTS];
        for (int k = 0; k < CHARTS; k++) {
            charts[k] = chart(k);
        }
        AtomicFiles.writePng(file, Figures.bitmap(1800, 1000, 1, g -> {
            for (int k = 0; k < CHARTS; k++) {
                charts[k].draw(g, new java.awt.geom.Rectangle2D.Double(k % 3 * 600, k / 3 * 500, 600, 500));
            }
        }));
    }
}
