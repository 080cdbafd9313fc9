package lowrot.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lowrot.core.Fits;
import lowrot.core.Problems;
import lowrot.core.Regime;
import lowrot.core.RunConfig;
import lowrot.core.SampleComplexity;
import lowrot.io.AtomicFiles;
import lowrot.render.ComplexityCharts;
import lowrot.render.Figures;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The sample-complexity experiment in the Experiments window: 2-sparse parity over d × n × seeds,
 * near initialization and without rotation, with the training settings of the current run.
 */
final class ComplexityPane extends BorderPane {
    private final TextField ds = new TextField("4,6,8");
    private final TextField ns = new TextField("25,50,100,200,400");
    private final TextField seeds = new TextField("2");
    private final TextField time = new TextField("300");
    private final TextField target = new TextField("0.1");
    private final TextField width = new TextField("256");
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final Button exportButton = new Button("Export PNG…");
    private final ChartViewer errors = new ChartViewer(null, false);
    private final ChartViewer needed = new ChartViewer(null, false);
    private final List<SampleComplexity.Cell> cells = new ArrayList<>();
    private final RunConfig base;
    private ExperimentJob job;
    private int[] dList = {};
    private int[] nList = {};
    private double epsilon = 0.1;
    private boolean finished;

    ComplexityPane(RunConfig base) {
        this.base = base;
        ds.setId("complexityD");
        ns.setId("complexityN");
        time.setId("complexityTime");
        ds.setTooltip(new Tooltip("Dimensions d of the parity data, comma separated (2 to 64)."));
        ns.setTooltip(new Tooltip("Training-set sizes n, comma separated."));
        seeds.setTooltip(new Tooltip("Seeds per cell (1 to 100); each drives data and initialization."));
        time.setTooltip(new Tooltip("GF time every run trains to."));
        target.setTooltip(new Tooltip("Test error ε that counts as learnt, between 0 and 0.5."));
        width.setTooltip(new Tooltip("Width of the no-rotation runs (near initialization uses d²)."));
        message.getStyleClass().add("field-error");
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> cancel());
        cancel.setDisable(true);
        exportButton.setOnAction(e -> {
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
        });
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("d"), ds, new Label("n"), ns, new Label("seeds"), seeds, new Label("GF time"), time);
        form.addRow(1, new Label("target ε"), target, new Label("no-rotation width"), width, run, cancel, exportButton);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox status = new HBox(10, progress, message);
        HBox.setHgrow(progress, Priority.ALWAYS);
        GridPane charts = new GridPane();
        charts.setHgap(4);
        for (ChartViewer v : new ChartViewer[] {errors, needed}) {
            v.setMinSize(300, 250);
            GridPane.setHgrow(v, Priority.ALWAYS);
            GridPane.setVgrow(v, Priority.ALWAYS);
        }
        charts.add(errors, 0, 0);
        charts.add(needed, 1, 0);
        setTop(new VBox(8, form, status));
        setCenter(charts);
        setPadding(new Insets(8));
    }

    boolean finished() {
        return finished;
    }

    List<SampleComplexity.Cell> cells() {
        return cells;
    }

    void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    private static int[] ints(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    /** Starts the sweep; returns the problem with the parameters, or null. */
    String start() {
        Problems p = new Problems();
        int[] d;
        int[] n;
        int k;
        double t;
        double eps;
        int w;
        try {
            d = ints(ds.getText());
            n = ints(ns.getText());
            k = Integer.parseInt(seeds.getText().trim());
            t = Double.parseDouble(time.getText().trim());
            eps = Double.parseDouble(target.getText().trim());
            w = Integer.parseInt(width.getText().trim());
        } catch (NumberFormatException e) {
            message.setText("d, n, seeds, GF time, target and width must be numbers: \"" + e.getMessage() + "\"");
            return message.getText();
        }
        p.range("seeds", k, 1, 100).rangeAbove("target ε", eps, 0, 0.5);
        long[] seedList = new long[Math.max(0, k)];
        for (int s = 0; s < seedList.length; s++) {
            seedList[s] = base.dataSeed() + s;
        }
        var grid = new SampleComplexity.Grid(base, d, n, seedList, 2000, t, w, 1_000_000L);
        try {
            p.throwIfAny();
            grid.validate().throwIfAny();
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return message.getText();
        }
        dList = d;
        nList = n;
        epsilon = eps;
        cells.clear();
        finished = false;
        message.setText("");
        run.setDisable(true);
        cancel.setDisable(false);
        job = ExperimentJob.start("lowrot-complexity", progress,
                monitor -> SampleComplexity.run(grid, Runtime.getRuntime().availableProcessors(), monitor), outcome -> {
                    if (outcome.value() != null) {
                        cells.addAll(outcome.value());
                    }
                    refresh();
                    boolean ok = outcome.problem() == null;
                    message.setText(ok ? summary() : outcome.problem());
                    message.getStyleClass().setAll("label", ok ? "note" : "field-error");
                    run.setDisable(false);
                    cancel.setDisable(true);
                    finished = true;
                });
        return null;
    }

    private String summary() {
        var need = SampleComplexity.needed(cells, dList, nList, epsilon);
        Fits.PowerLaw near = SampleComplexity.fit(need, Regime.NEAR_INITIALIZATION);
        Fits.PowerLaw noRot = SampleComplexity.fit(need, Regime.NO_ROTATION);
        return "paper: about d² near initialization, about d with max margin; measured: near initialization "
                + describe(near) + ", no rotation " + describe(noRot);
    }

    private static String describe(Fits.PowerLaw f) {
        return f == null ? "— (too few d reached ε)" : String.format("n ∝ d^%.2f [%.2f, %.2f]", f.slope(), f.lower95(),
                f.upper95());
    }

    private JFreeChart[] charts() {
        var need = SampleComplexity.needed(cells, dList, nList, epsilon);
        return new JFreeChart[] {ComplexityCharts.errors(cells, dList, nList, epsilon),
            ComplexityCharts.needed(need, SampleComplexity.fit(need, Regime.NEAR_INITIALIZATION),
                    SampleComplexity.fit(need, Regime.NO_ROTATION), epsilon)};
    }

    private void refresh() {
        JFreeChart[] c = charts();
        errors.setChart(c[0]);
        needed.setChart(c[1]);
    }

    /** Writes both charts side by side (1600 × 600 pixels). */
    void export(Path file) throws java.io.IOException {
        JFreeChart[] c = charts();
        AtomicFiles.writePng(file, Figures.bitmap(1600, 600, 1, g -> {
            c[0].draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 800, 600));
            c[1].draw(g, new java.awt.geom.Rectangle2D.Double(800, 0, 800, 600));
        }));
    }
}
