package lowrot.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import lowrot.Version;
import lowrot.core.claims.Claim;
import lowrot.core.claims.Claims;
import lowrot.io.AtomicFiles;
import lowrot.report.ClaimsReport;

/**
 * The Claims tab of the Experiments window: runs the short versions of the paper's claims (the same as {@code
 * lowrot claims}) with progress and cancel, lists each claim with its criterion, evidence and verdict, and saves
 * the self-contained HTML report.
 */
final class ClaimsPane extends BorderPane {
    private final Button run = new Button("Run the claims");
    private final Button cancel = new Button("Cancel");
    private final Button save = new Button("Save report…");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label("About a minute on 2 cores. Every verdict is computed from the runs.");
    private final VBox list = new VBox(10);
    private final List<Claim> claims = new ArrayList<>();
    private Claims.Result result;
    private ExperimentJob job;
    private volatile boolean finished;
    private final java.util.function.Function<lowrot.core.util.ProgressMonitor, Claims.Result> runner;

    ClaimsPane() {
        this(Claims::run);
    }

    /** A pane whose Run button calls {@code runner} (tests pass one that needs no minute of training). */
    ClaimsPane(java.util.function.Function<lowrot.core.util.ProgressMonitor, Claims.Result> runner) {
        this.runner = runner;
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> cancel());
        cancel.setDisable(true);
        save.setDisable(true);
        save.setTooltip(new Tooltip("One HTML file with the figures, the configuration of every run and the commands"
                + " that reproduce it."));
        save.setOnAction(e -> saveDialog());
        message.setWrapText(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(8, run, cancel, save);
        HBox status = new HBox(10, progress, message);
        HBox.setHgrow(progress, Priority.ALWAYS);
        list.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        setTop(new VBox(8, buttons, status));
        setCenter(scroll);
        BorderPane.setMargin(scroll, new Insets(8, 0, 0, 0));
        setPadding(new Insets(8));
    }

    boolean finished() {
        return finished;
    }

    String message() {
        return message.getText();
    }

    List<Claim> claims() {
        return claims;
    }

    void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** Starts the claims on a background thread. */
    void start() {
        claims.clear();
        list.getChildren().clear();
        finished = false;
        run.setDisable(true);
        save.setDisable(true);
        cancel.setDisable(false);
        message.getStyleClass().setAll("label");
        message.getStyleClass().setAll("label", "note");
        job = ExperimentJob.start(
                "lowrot-claims",
                progress,
                runner,
                outcome -> {
                    result = outcome.value();
                    if (result != null) {
                        claims.addAll(result.claims());
                        show();
                        long holding = claims.stream().filter(Claim::holds).count();
                        message.setText(holding + " of " + claims.size() + " claims hold in these runs.");
                    } else {
                        message.getStyleClass().setAll("label", "field-error");
                        message.setText(outcome.problem());
                    }
                    run.setDisable(false);
                    cancel.setDisable(true);
                    save.setDisable(result == null);
                    finished = true;
                },
                message::setText);
    }

    private void show() {
        for (Claim c : claims) {
            Label verdict = new Label(c.verdict());
            verdict.getStyleClass().add(c.holds() ? "claim-holds" : "claim-fails");
            Label title = new Label(c.title());
            title.getStyleClass().add("claim-title");
            Label statement = new Label(c.statement() + "\nCriterion: " + c.criterion());
            statement.setWrapText(true);
            Label evidence = new Label("• " + String.join("\n• ", c.evidence()));
            evidence.setWrapText(true);
            list.getChildren().add(new VBox(3, new HBox(10, title, verdict), statement, evidence));
        }
    }

    private void saveDialog() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save the claims report");
        chooser.setInitialFileName("claims.html");
        java.io.File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            save(f.toPath());
        }
    }

    /** Writes the report on a background thread; the message says when it is written or why not. */
    void save(Path file) {
        Claims.Result r = result;
        save.setDisable(true);
        ExperimentJob.start(
                "lowrot-claims-report",
                progress,
                monitor -> {
                    try {
                        AtomicFiles.writeText(file, ClaimsReport.html(r, Version.NAME));
                        return file;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                outcome -> {
                    save.setDisable(false);
                    message.setText(
                            outcome.value() != null ? "wrote " + file : "report not written: " + outcome.problem());
                });
    }
}
