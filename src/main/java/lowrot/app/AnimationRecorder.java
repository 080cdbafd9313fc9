package lowrot.app;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import lowrot.core.data.DataSplit;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.model.RunConfig;
import lowrot.report.Animator;

/**
 * The Record control of the window: records the current run — its config, data and seeds, from initialization to
 * the GF time shown (or the config's run length before training) — as a GIF or MP4 on a background thread, with
 * the frames done beside the button, which stops the recording while it runs. The live training goes on; the
 * recording trains its own copy, so it has the window's bits without slowing its display.
 */
final class AnimationRecorder {
    private final LabSession session;
    private final Window owner;
    private final Button button = new Button("● Record");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label state = new Label();
    private final HBox node;
    private ExperimentJob job;
    private volatile boolean finished = true;

    AnimationRecorder(LabSession session, Window owner) {
        this.session = session;
        this.owner = owner;
        button.setId("record");
        button.setTooltip(
                new Tooltip("Record this run as an animated GIF or an MP4 (Ctrl+Shift+R): frames at log-spaced"
                        + " GF time from initialization to the time shown; click again to stop."));
        button.setOnAction(e -> toggle());
        progress.setPrefWidth(90);
        progress.setVisible(false);
        state.setId("recordState");
        node = new HBox(6, button, progress, state);
        node.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    Node node() {
        return node;
    }

    boolean finished() {
        return finished;
    }

    String state() {
        return state.getText();
    }

    /** Asks for the settings and the file, or stops the recording under way. */
    void toggle() {
        if (!finished) {
            job.cancel();
            return;
        }
        Animator.Settings settings = ask();
        if (settings == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Record the run as an animation");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Animated GIF", "*.gif"),
                        new FileChooser.ExtensionFilter("MP4 video (H.264)", "*.mp4"));
        chooser.setInitialFileName("run.gif");
        java.io.File f = chooser.showSaveDialog(owner);
        if (f != null) {
            start(f.toPath(), settings);
        }
    }

    /** The GF time the animation ends at: the time shown, or the config's run length before training. */
    double until() {
        double shown = session.latest() == null ? 0 : session.latest().time();
        RunConfig rc = session.config().run();
        return shown > rc.training().stepSize()
                ? shown
                : session.config().steps() * rc.training().stepSize();
    }

    /** Records to {@code file}; returns a message naming the field when a setting is not allowed, or null. */
    String start(Path file, Animator.Settings settings) {
        var problems = settings.validate();
        String fileProblem = lowrot.io.AnimationWriter.problem(file.getFileName(), settings.width(), settings.height());
        if (!problems.isEmpty() || fileProblem != null) {
            String text = !problems.isEmpty() ? String.join("; ", problems.messages()) : "file: " + fileProblem;
            state.setText(text);
            return text;
        }
        RunConfig config = session.config().run();
        DataSplit data = session.data();
        ReferenceMargins refs = session.refs() == null ? ReferenceMargins.NONE : session.refs();
        double until = until();
        finished = false;
        button.setText("■ Stop recording");
        progress.setVisible(true);
        state.setText("recording: frame 0 of " + settings.frames());
        job = ExperimentJob.start(
                "lowrot-record",
                progress,
                monitor -> {
                    try {
                        Animator.record(config, data, until, refs, settings, file, monitor);
                        return file;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e.getMessage(), e);
                    }
                },
                outcome -> {
                    button.setText("● Record");
                    progress.setVisible(false);
                    state.setText(
                            outcome.value() != null
                                    ? "recorded " + file.getFileName() + " (" + settings.frames() + " frames)"
                                    : "recording " + outcome.problem() + "; no file written");
                    finished = true; // last: tests wait for it, then read the state
                },
                text -> {
                    if (!finished) {
                        state.setText("recording: " + text);
                    }
                });
        return null;
    }

    /** The duration, frame rate and size dialog, with the slide defaults; null when cancelled or not allowed. */
    private Animator.Settings ask() {
        Animator.Settings d = Animator.Settings.defaults();
        TextField seconds = new TextField(Double.toString(d.seconds()));
        TextField fps = new TextField(Integer.toString(d.fps()));
        TextField size = new TextField(d.width() + "x" + d.height());
        javafx.scene.control.CheckBox chart = new javafx.scene.control.CheckBox("margin chart beside the circle");
        chart.setSelected(d.chart());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("duration (s)"), seconds);
        grid.addRow(1, new Label("frames per second"), fps);
        grid.addRow(2, new Label("size (W x H)"), size);
        grid.add(chart, 1, 3);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Record animation");
        dialog.setHeaderText(
                "Frames at log-spaced GF time, from initialization to τ = " + lowrot.render.ChartSet.fmt(until()));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return null;
        }
        try {
            String[] wh = size.getText().toLowerCase(java.util.Locale.ROOT).split("x");
            if (wh.length != 2) {
                throw new IllegalArgumentException(
                        "size (W x H): \"" + size.getText() + "\" is not WIDTHxHEIGHT, e.g." + " 1280x720");
            }
            double s = NumberFields.between(seconds.getText(), "duration (s)", 0, 600);
            int f = NumberFields.integer(fps.getText(), "frames per second", 1, 60);
            int w = NumberFields.integer(wh[0], "size (W x H) width", 64, 3840);
            int h = NumberFields.integer(wh[1], "size (W x H) height", 64, 2160);
            return new Animator.Settings(s, f, w, h, chart.isSelected());
        } catch (IllegalArgumentException e) {
            state.setText(e.getMessage());
            return null;
        }
    }
}
