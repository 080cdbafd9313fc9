package lowrot.app;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lowrot.core.experiment.ComplexityAnalysis;
import lowrot.core.experiment.ComplexityPlan;
import lowrot.core.experiment.ComplexitySettings;
import lowrot.core.experiment.Learner;
import lowrot.core.experiment.SampleComplexity;
import lowrot.io.AtomicFiles;
import lowrot.render.ComplexityCharts;
import lowrot.render.Figures;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The sample-complexity experiment in the Experiments window: 2-sparse parity for the four learners, the same
 * plan as {@code lowrot complexity} (the default one, or the quick look), with progress, cancel, the fitted
 * exponents and the figures.
 */
final class ComplexityPane extends BorderPane {
    private final Map<Learner, TextField> dims = new EnumMap<>(Learner.class);
    private final TextField largestN = new TextField();
    private final TextField seeds = new TextField();
    private final TextField target = new TextField();
    private final Label message = new Label();
    private final TextArea summary = new TextArea();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final Button defaults = new Button("Default experiment");
    private final Button quick = new Button("Quick look");
    private final Button exportButton = new Button("Export PNG…");
    private final ChartViewer[] errors = new ChartViewer[Learner.values().length];
    private final ChartViewer needed = new ChartViewer(null, false);
    private final List<SampleComplexity.Cell> cells = new ArrayList<>();
    /** Cells of finished chains, from the worker threads, waiting for the FX thread. */
    private final Arrivals<SampleComplexity.Cell> arrived = new Arrivals<>(FxThread.EXECUTOR, this::chart);

    private ComplexityPlan plan = ComplexityPlan.defaults();
    private ExperimentJob job;
    private volatile boolean finished;

    ComplexityPane() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int col = 0;
        for (Learner l : Learner.values()) {
            TextField f = new TextField();
            f.setId("complexityD" + l.ordinal());
            f.setPrefColumnCount(12);
            f.setTooltip(
                    new Tooltip("Dimensions d for the " + l.label() + ", comma separated (2 to 256); empty: not run."));
            dims.put(l, f);
            form.add(new Label(label(l)), col % 4 * 2, col / 4);
            form.add(f, col % 4 * 2 + 1, col / 4);
            col++;
        }
        largestN.setId("complexityN");
        largestN.setPrefColumnCount(6);
        largestN.setTooltip(
                new Tooltip("Largest training-set size n; sizes run 8, 11, 16, 23, … (steps of √2) up to it."));
        seeds.setPrefColumnCount(4);
        seeds.setTooltip(
                new Tooltip("Seeds per learner and d (1 to 100); each draws the data and initializes the network."));
        target.setPrefColumnCount(5);
        target.setTooltip(
                new Tooltip("Test error ε that counts as learnt, between 0 and 0.5 (the paper's regime: ε ≤ 0.05)."));
        form.addRow(1, new Label("largest n"), largestN, new Label("seeds"), seeds, new Label("target ε"), target);
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        summary.setEditable(false);
        summary.setPrefRowCount(5);
        summary.setWrapText(true);
        summary.setId("complexitySummary");
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> cancel());
        cancel.setDisable(true);
        defaults.setOnAction(e -> show(ComplexityPlan.defaults()));
        quick.setOnAction(e -> show(ComplexityPlan.quick()));
        defaults.setTooltip(new Tooltip("The documented experiment: about 6 minutes on 2 cores."));
        quick.setTooltip(new Tooltip("d up to 16, 3 seeds, ε = 0.1: the shape of the result in about half a minute."));
        exportButton.setOnAction(e -> exportDialog());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(8, run, cancel, defaults, quick, exportButton);
        HBox status = new HBox(10, progress, message);
        HBox.setHgrow(progress, Priority.ALWAYS);
        GridPane small = new GridPane();
        small.setHgap(4);
        small.setVgap(4);
        for (int i = 0; i < errors.length; i++) {
            errors[i] = new ChartViewer(null, false);
            errors[i].setMinSize(240, 180);
            GridPane.setHgrow(errors[i], Priority.ALWAYS);
            GridPane.setVgrow(errors[i], Priority.ALWAYS);
            small.add(errors[i], i % 2, i / 2);
        }
        needed.setMinSize(320, 300);
        GridPane charts = new GridPane();
        charts.setHgap(6);
        GridPane.setHgrow(small, Priority.ALWAYS);
        GridPane.setVgrow(small, Priority.ALWAYS);
        GridPane.setHgrow(needed, Priority.ALWAYS);
        GridPane.setVgrow(needed, Priority.ALWAYS);
        charts.add(small, 0, 0);
        charts.add(needed, 1, 0);
        setTop(new VBox(8, form, buttons, status));
        setCenter(charts);
        setBottom(summary);
        BorderPane.setMargin(summary, new Insets(6, 0, 0, 0));
        setPadding(new Insets(8));
        show(ComplexityPlan.quick());
    }

    private static String label(Learner l) {
        return switch (l) {
            case KERNEL -> "kernel d";
            case NEAR_INITIALIZATION -> "near-init d";
            case MAX_MARGIN -> "max-margin d";
            case RICH -> "rich d";
        };
    }

    /** Puts a plan's values into the fields. */
    private void show(ComplexityPlan p) {
        for (Learner l : Learner.values()) {
            dims.get(l)
                    .setText(String.join(
                            ",",
                            Arrays.stream(p.dims(l)).mapToObj(Integer::toString).toList()));
        }
        largestN.setText(Integer.toString(Arrays.stream(p.ns()).max().orElse(0)));
        seeds.setText(Integer.toString(p.seeds().length));
        target.setText(Double.toString(p.settings().epsilon()));
    }

    boolean finished() {
        return finished;
    }

    List<SampleComplexity.Cell> cells() {
        return cells;
    }

    String summaryText() {
        return summary.getText();
    }

    void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** The plan the fields describe, or null after showing a message that names the field and its range. */
    private ComplexityPlan readPlan() {
        try {
            Map<Learner, int[]> d = new EnumMap<>(Learner.class);
            for (Learner l : Learner.values()) {
                d.put(l, NumberFields.integers(dims.get(l).getText(), label(l), 2, 256));
            }
            if (d.values().stream().allMatch(v -> v.length == 0)) {
                throw new IllegalArgumentException(
                        "kernel d, near-init d, max-margin d, rich d: at least one learner needs a dimension");
            }
            int n = NumberFields.integer(largestN.getText(), "largest n", 8, 100_000);
            int k = NumberFields.integer(seeds.getText(), "seeds", 1, 100);
            double eps = NumberFields.between(target.getText(), "target ε", 0, 0.5);
            long[] seedList = new long[k];
            for (int s = 0; s < seedList.length; s++) {
                seedList[s] = s + 1;
            }
            return new ComplexityPlan(
                    d,
                    SampleComplexity.geometricSizes(8, n),
                    seedList,
                    ComplexitySettings.defaults().withEpsilon(eps));
        } catch (IllegalArgumentException e) {
            message.getStyleClass().setAll("label", "field-error");
            message.setText(e.getMessage());
            return null;
        }
    }

    /** Moves the cells of finished chains to the charts (FX thread). */
    private void chart(List<SampleComplexity.Cell> batch) {
        if (!finished) {
            cells.addAll(batch);
            refresh();
        }
    }

    /** Starts the experiment; returns the problem with the fields, or null. */
    String start() {
        ComplexityPlan p = readPlan();
        if (p == null) {
            return message.getText();
        }
        plan = p;
        cells.clear();
        arrived.clear();
        finished = false;
        // While it runs the line shows progress, in the note style (red is for problems only).
        message.getStyleClass().setAll("label", "note");
        message.setText("");
        summary.setText("");
        refresh(); // the empty charts, with the plan's axes, until the first chain finishes
        run.setDisable(true);
        cancel.setDisable(false);
        job = ExperimentJob.start(
                "lowrot-complexity",
                progress,
                monitor -> SampleComplexity.run(
                        p, p.chains(), Runtime.getRuntime().availableProcessors(), monitor, (chain, done) -> {
                            // Each finished chain is charted at once: the figures fill in while the rest run.
                            arrived.addAll(done);
                        }),
                outcome -> {
                    arrived.clear();
                    cells.clear();
                    if (outcome.value() != null) {
                        cells.addAll(outcome.value());
                    }
                    refresh();
                    boolean ok = outcome.problem() == null;
                    message.getStyleClass().setAll("label", ok ? "note" : "field-error");
                    message.setText(ok ? "done: " + cells.size() + " runs" : outcome.problem());
                    if (ok) {
                        summary.setText(String.join("\n", ComplexityAnalysis.summary(p, cells)));
                    }
                    run.setDisable(false);
                    cancel.setDisable(true);
                    finished = true;
                },
                text -> message.setText(text));
        return null;
    }

    private JFreeChart[] charts() {
        double eps = plan.settings().epsilon();
        List<ComplexityAnalysis.Needed> need = ComplexityAnalysis.needed(cells, eps);
        List<ComplexityAnalysis.Exponent> exponents = ComplexityAnalysis.exponents(need);
        JFreeChart[] out = new JFreeChart[errors.length + 1];
        for (Learner l : Learner.values()) {
            out[l.ordinal()] = ComplexityCharts.errors(cells, l, plan.dims(l), eps);
        }
        out[errors.length] = ComplexityCharts.needed(ComplexityAnalysis.points(need), exponents, eps);
        return out;
    }

    private void refresh() {
        JFreeChart[] c = charts();
        for (int i = 0; i < errors.length; i++) {
            errors[i].setChart(c[i]);
        }
        needed.setChart(c[errors.length]);
    }

    private void exportDialog() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Export the sample-complexity charts as PNG");
        chooser.setInitialFileName("complexity.png");
        java.io.File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            try {
                export(f.toPath());
                message.setText("exported " + f);
            } catch (java.io.IOException ex) {
                message.setText("export failed: " + ex.getMessage());
            }
        }
    }

    /** Writes the four error charts (2 × 2) beside the samples-needed chart: 1800 × 800 pixels. */
    void export(Path file) throws java.io.IOException {
        JFreeChart[] c = charts();
        Consumer<Graphics2D> painter = g -> {
            for (int i = 0; i < errors.length; i++) {
                c[i].draw(g, new Rectangle2D.Double(450 * (i % 2), 400 * (i / 2), 450, 400));
            }
            c[errors.length].draw(g, new Rectangle2D.Double(900, 0, 900, 800));
        };
        AtomicFiles.writePng(file, Figures.bitmap(1800, 800, 1, painter));
    }
}
