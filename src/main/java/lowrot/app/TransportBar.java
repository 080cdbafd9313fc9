package lowrot.app;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** Play, step, reset, steps per frame, and the replay scrubber when a saved run is open. FX thread only. */
final class TransportBar {
    private final LabSession session;
    private final ToggleButton playButton = new ToggleButton("Play");
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label replayLabel = new Label();
    private final HBox replayBox = new HBox(8);
    private final ToolBar bar;

    TransportBar(LabSession session) {
        this.session = session;
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
        bar = new ToolBar(playButton, stepButton, resetButton, new Separator(Orientation.VERTICAL),
                new Label("steps per frame"), spf, spfError, replayBox);
    }

    Node node() {
        return bar;
    }

    /** Shows the play state and, during a replay, where the scrubber stands. */
    void update() {
        boolean playing = session.playing();
        playButton.setSelected(playing);
        playButton.setText(playing ? "Pause" : "Play");
        boolean replay = session.replaying();
        replayBox.setVisible(replay);
        replayBox.setManaged(replay);
        if (replay) {
            if (scrubber.getMax() != session.replaySize() - 1) {
                scrubber.setMax(session.replaySize() - 1);
                scrubber.setMajorTickUnit(1);
            }
            scrubber.setValue(session.replayIndex());
            replayLabel.setText(String.format("replay: step %,d (%d of %d)", session.latest().step(),
                    session.replayIndex() + 1, session.replaySize()));
        }
    }

    /** Moves the scrubber as a drag would. */
    void scrubTo(int index) {
        scrubber.setValue(index);
    }
}
