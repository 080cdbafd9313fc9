package lowrot.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import lowrot.core.util.Problems;
import lowrot.io.AtomicFiles;
import lowrot.render.ChartSet;
import lowrot.render.CircleScene;
import lowrot.render.ExportStyle;
import lowrot.render.Figures;

/**
 * PNG export of a chart, the circle view or the composite figure: a dialog for the size, then the
 * figure is copied on the FX thread and drawn, encoded and written on the file thread with charts of
 * its own (the same drawing code as the window and the command line).
 */
final class Exports {
    private final LabSession session;
    private final Stage stage;

    Exports(LabSession session, Stage stage) {
        this.session = session;
        this.stage = stage;
    }

    /** The right-click menu of a panel (null: the circle view). */
    ContextMenu menu(ChartSet.Panel panel) {
        ExportTarget target = panel == null ? ExportTarget.CIRCLE : ExportTarget.forPanel(panel);
        MenuItem item = new MenuItem("Export " + target.label().toLowerCase() + " as PNG…");
        item.setOnAction(e -> dialog(target));
        MenuItem all = new MenuItem("Export composite figure as PNG…");
        all.setOnAction(e -> dialog(ExportTarget.COMPOSITE));
        return new ContextMenu(item, all);
    }

    void dialog(ExportTarget target) {
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
        inBackground(
                target,
                f.toPath(),
                Integer.parseInt(w.getText().trim()),
                Integer.parseInt(h.getText().trim()),
                hiDpi.isSelected() ? 2 : 1,
                null);
    }

    /**
     * Copies what the figure shows, then draws, encodes and writes it on the file thread; {@code done}
     * (may be null) gets null or the error, on the FX thread.
     */
    void inBackground(ExportTarget target, Path file, int w, int h, double scale, Consumer<String> done) {
        if (session.latest() == null) {
            String problem = file + ": nothing to export yet (the run has no snapshot)";
            session.note(problem);
            if (done != null) {
                done.accept(problem);
            }
            return;
        }
        Figure figure = figure();
        session.jobs()
                .file(
                        () -> {
                            AtomicFiles.writePng(file, figure.render(target, w, h, scale));
                            return file;
                        },
                        written -> {
                            session.note("exported " + written);
                            if (done != null) {
                                done.accept(null);
                            }
                        },
                        e -> {
                            session.error("Export failed", e.getMessage());
                            if (done != null) {
                                done.accept(e.getMessage());
                            }
                        });
    }

    /** Writes a panel as a PNG of w·scale × h·scale pixels now (the composite's width follows from h). */
    void now(ExportTarget target, Path file, int w, int h, double scale) throws IOException {
        if (session.latest() == null) {
            throw new IOException(file + ": nothing to export yet (the run has no snapshot)");
        }
        AtomicFiles.writePng(file, figure().render(target, w, h, scale));
    }

    /** An immutable copy of what the figures show, drawable on any thread. */
    private record Figure(CircleScene scene, ChartInputs charts, String caption) {
        BufferedImage render(ExportTarget target, int w, int h, double scale) {
            ChartSet own = new ChartSet(charts.options());
            charts.fill(own);
            for (ChartSet.Panel p : ChartSet.Panel.values()) {
                ExportStyle.apply(own.chart(p));
            }
            int width = target == ExportTarget.COMPOSITE ? Figures.compositeWidth(h) : w;
            // The circle view names its run in its own caption; charts and the composite get the caption line.
            var painter = switch (target) {
                case CIRCLE -> Figures.circle(scene, w, h);
                case COMPOSITE ->
                    ExportStyle.captioned((cw, ch) -> Figures.composite(scene, own, ch), caption, width, h);
                default ->
                    ExportStyle.captioned((cw, ch) -> Figures.chart(own.chart(target.panel()), cw, ch), caption, w, h);
            };
            return Figures.bitmap(width, h, scale, painter);
        }
    }

    private Figure figure() {
        return new Figure(session.pictures().sceneCopy(), ChartInputs.of(session), caption());
    }

    /** The run an export shows: regime, data set, m, d, η, step and τ of the latest snapshot. */
    private String caption() {
        var latest = session.latest();
        var status = session.status();
        var rc = session.config().run();
        double eta = status != null ? status.stepSize() : rc.training().stepSize();
        return latest == null
                ? ExportStyle.caption(rc, rc.dataset().d(), eta, 0, 0)
                : ExportStyle.caption(rc, latest.dim(), eta, latest.step(), latest.time());
    }

    /** The export dialog's check of its two fields. */
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
}
