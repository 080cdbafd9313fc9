package lowrot.app;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;
import lowrot.render.ChartSet;
import lowrot.run.RunState;
import lowrot.run.RunStatus;

/** The line at the bottom: step, τ, steps/s, state, the session's message, reference progress. FX thread only. */
final class StatusBar {
    private final LabSession session;
    private final Label stepLabel = new Label();
    private final Label timeLabel = new Label();
    private final Label rateLabel = new Label();
    private final Label stateLabel = new Label();
    private final Label messageLabel = new Label();
    private final ProgressIndicator refProgress = new ProgressIndicator();
    private final Label refLabel = new Label();
    private final ProgressBar targetProgress = new ProgressBar(0);
    private final HBox bar;

    StatusBar(LabSession session) {
        this.session = session;
        refProgress.setPrefSize(16, 16);
        refProgress.setMaxSize(16, 16);
        stateLabel.setId("state");
        stepLabel.setId("stepLabel");
        messageLabel.setId("message");
        messageLabel.setWrapText(false);
        HBox.setHgrow(messageLabel, Priority.ALWAYS);
        messageLabel.setMaxWidth(Double.MAX_VALUE);
        targetProgress.setId("targetProgress");
        targetProgress.setPrefWidth(110);
        targetProgress.setTooltip(new Tooltip(
                "Progress toward the target: run.steps steps or the stop-at-τ value" + " (τ on a log scale)."));
        bar = new HBox(
                14, stepLabel, timeLabel, targetProgress, rateLabel, stateLabel, messageLabel, refProgress, refLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
    }

    Node node() {
        return bar;
    }

    Label messageLabel() {
        return messageLabel;
    }

    /** Shows the session's state now. */
    void update() {
        Snapshot latest = session.latest();
        Metrics m = latest == null ? null : latest.metrics();
        RunStatus status = session.status();
        stepLabel.setText(m == null ? "step —" : String.format("step %,d", m.step()));
        timeLabel.setText(m == null ? "τ —" : "τ = " + ChartSet.fmt(m.time()));
        double rate = status == null ? 0 : status.stepsPerSecond();
        rateLabel.setText(session.transport().playing() && rate > 0 ? String.format("%,.0f steps/s", rate) : "");
        RunState st = status == null ? RunState.READY : status.state();
        stateLabel.setText(session.replaying() ? "replay" : st.label());
        stateLabel.getStyleClass().setAll("state", "state-" + st.name().toLowerCase());
        // A margin above a certified bound is a bug, not a result: it stays on screen, in red, for this run.
        messageLabel.setText(session.message());
        messageLabel.getStyleClass().removeAll("bound-violation");
        if (session.boundViolation() != null) {
            messageLabel.getStyleClass().add("bound-violation");
        }
        double progress = session.transport().progress();
        targetProgress.setVisible(!Double.isNaN(progress) && !session.replaying());
        targetProgress.setProgress(Double.isNaN(progress) ? 0 : progress);
        boolean busy = session.referencesBusy();
        refProgress.setVisible(busy);
        refLabel.setText(busy ? "computing references…" : "references ready");
    }
}
