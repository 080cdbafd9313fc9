package lowrot.app;

import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
    private final ComboBox<String> speed = new ComboBox<>();
    private final ToolBar pinBar;
    private final TextField stopAt = new TextField();
    private final Label stopError = new Label();

    /** The paces offered, in τ-decades per second, as the menu shows them. */
    static final List<String> SPEEDS = List.of(
            "0.1 τ-decades/s",
            "0.25 τ-decades/s",
            "0.5 τ-decades/s",
            "1 τ-decades/s",
            "2 τ-decades/s",
            "5 τ-decades/s");

    static final String FASTEST = "as fast as possible";

    private static String label(double pace) {
        if (pace == 0) {
            return FASTEST;
        }
        for (String s : SPEEDS) {
            if (Double.parseDouble(s.substring(0, s.indexOf(' '))) == pace) {
                return s;
            }
        }
        return SPEEDS.get(2);
    }

    TransportBar(LabSession session) {
        this.session = session;
        playButton.setId("play");
        playButton.setTooltip(new Tooltip("Start or pause training (Space)."));
        playButton.setOnAction(e -> session.transport().togglePlay());
        playButton.setPrefWidth(70);
        Button stepButton = new Button("Step");
        stepButton.setId("step");
        stepButton.setTooltip(new Tooltip("Take one frame's worth of steps, then pause (→)."));
        stepButton.setOnAction(e -> session.transport().step());
        Button resetButton = new Button("Reset");
        resetButton.setId("reset");
        resetButton.setTooltip(new Tooltip("Start the run again from its initialization (R)."));
        resetButton.setOnAction(e -> session.reset());
        TextField spf = new TextField(Integer.toString(session.transport().stepsPerFrame()));
        spf.setId("stepsPerFrame");
        spf.setPrefColumnCount(5);
        spf.setTooltip(new Tooltip("As fast as possible: training steps between two pictures (1 to 100000)."));
        Label spfError = new Label();
        spfError.getStyleClass().add("field-error");
        spf.setOnAction(e -> {
            String problem;
            try {
                problem = session.transport()
                        .setStepsPerFrame(Integer.parseInt(spf.getText().trim()));
            } catch (NumberFormatException ex) {
                problem = "steps per frame: \"" + spf.getText() + "\" is not a whole number; allowed 1 to 100000";
            }
            spfError.setText(problem == null ? "" : problem);
        });
        Label spfLabel = new Label("steps per frame");
        speed.setId("speed");
        speed.getItems().addAll(SPEEDS);
        speed.getItems().add(FASTEST);
        speed.setValue(label(session.transport().pace()));
        speed.setTooltip(new Tooltip("Playback speed in τ-decades per second: every frame advances log τ by the same"
                + " amount (few steps early, many late), so the early phase is as visible as the late one."));
        Runnable showSpf = () -> {
            boolean fastest = FASTEST.equals(speed.getValue());
            for (Node n : List.of(spfLabel, spf, spfError)) {
                n.setVisible(fastest);
                n.setManaged(fastest);
            }
        };
        speed.valueProperty().addListener((o, a, b) -> {
            session.transport().setPace(FASTEST.equals(b) ? 0 : Double.parseDouble(b.substring(0, b.indexOf(' '))));
            showSpf.run();
        });
        showSpf.run();
        stopAt.setId("stopAtTime");
        stopAt.setPrefColumnCount(6);
        stopAt.setPromptText("none");
        stopAt.setTooltip(new Tooltip("Pause when GF time τ reaches this value (empty: no τ target). The run also"
                + " pauses at run.steps steps. Play continues past a target."));
        stopError.getStyleClass().add("field-error");
        stopAt.setOnAction(e -> {
            String text = stopAt.getText().trim();
            String problem;
            if (text.isEmpty()) {
                problem = session.transport().setTargetTime(0);
            } else {
                try {
                    problem = session.transport().setTargetTime(Double.parseDouble(text));
                } catch (NumberFormatException ex) {
                    problem = "stop at τ: \"" + text + "\" is not a number; allowed 1e-6 to 1e300, or empty";
                }
            }
            stopError.setText(problem == null ? "" : problem);
        });
        Button pinButton = new Button("Pin run");
        pinButton.setId("pin");
        pinButton.setTooltip(new Tooltip("Keep this run's curves on every chart as faint dashed curves while other"
                + " runs train (up to " + lowrot.render.ChartSet.MAX_PINS + "; the legend names each)."));
        pinButton.setOnAction(e -> {
            String label = session.pin();
            session.settingsNote(
                    label == null
                            ? "nothing to pin yet: the run has no points"
                            : "pinned: " + label + " — change a setting and compare on the charts");
        });
        Button clearPins = new Button("Clear pins");
        clearPins.setId("clearPins");
        clearPins.setTooltip(new Tooltip("Remove every pinned run from the charts."));
        clearPins.setOnAction(e -> session.clearPins());
        scrubber.setId("scrubber");
        scrubber.setPrefWidth(360);
        scrubber.setTooltip(new Tooltip("Replay: move through the recorded snapshots of the opened run."));
        scrubber.valueProperty().addListener((o, a, b) -> session.replay().show((int) Math.round(b.doubleValue())));
        replayBox.getChildren().addAll(new Separator(Orientation.VERTICAL), replayLabel, scrubber);
        replayBox.setAlignment(Pos.CENTER_LEFT);
        replayBox.setVisible(false);
        replayBox.setManaged(false);
        bar = new ToolBar(
                playButton,
                stepButton,
                resetButton,
                new Separator(Orientation.VERTICAL),
                new Label("speed"),
                speed,
                spfLabel,
                spf,
                spfError,
                new Separator(Orientation.VERTICAL),
                new Label("stop at τ"),
                stopAt,
                stopError,
                replayBox);
        pinBar = new ToolBar(pinButton, clearPins);
    }

    Node node() {
        return bar;
    }

    /** Chooses "as fast as possible" in the speed menu (which sets the session's pace). */
    void playAsFastAsPossible() {
        speed.setValue(FASTEST);
    }

    /**
     * Sets the speed menu and the stop-at-τ field as a user would (the tour's stops): the session plays at
     * {@code pace} τ-decades per second (one of {@link #SPEEDS}) and pauses at τ = {@code targetTime}.
     */
    void setPaceAndTarget(double pace, double targetTime) {
        speed.setValue(label(pace));
        stopAt.setText(TourReadings.plain(targetTime));
        String problem = session.transport().setTargetTime(targetTime);
        stopError.setText(problem == null ? "" : problem);
    }

    /** Pin run and Clear pins, kept in view beside the transport bar however narrow the window. */
    Node pinNode() {
        return pinBar;
    }

    /** Shows the play state and, during a replay, where the scrubber stands. */
    void update() {
        boolean playing = session.transport().playing();
        playButton.setSelected(playing);
        playButton.setText(playing ? "Pause" : "Play");
        boolean replay = session.replaying();
        replayBox.setVisible(replay);
        replayBox.setManaged(replay);
        if (replay) {
            if (scrubber.getMax() != session.replay().size() - 1) {
                scrubber.setMax(session.replay().size() - 1);
                scrubber.setMajorTickUnit(1);
            }
            scrubber.setValue(session.replay().index());
            replayLabel.setText(String.format(
                    "replay: step %,d (%d of %d)",
                    session.latest().step(),
                    session.replay().index() + 1,
                    session.replay().size()));
        }
    }

    /** Moves the scrubber as a drag would. */
    void scrubTo(int index) {
        scrubber.setValue(index);
    }
}
