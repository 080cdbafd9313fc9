package lowrot.app;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.render.OptimalNetworkTable;

/**
 * View → Optimal network: the atoms and weights of the global-margin program's optimal network (the dashed spokes of
 * the circle view) as a table to read or copy, refreshed when the reference margins change. FX thread only.
 */
final class OptimalNetworkWindow {
    private final Stage stage = new Stage();
    private final TextArea text = new TextArea();
    private final LabSession session;
    /** The result the text shows (null: none yet), so that a status update does not reset a user's selection. */
    private GlobalMarginResult shown;

    private boolean filled;

    OptimalNetworkWindow(Stage owner, LabSession session) {
        this.session = session;
        text.setEditable(false);
        text.setId("optimalNetworkText");
        text.setStyle("-fx-font-family: monospace;");
        Button copy = new Button("Copy");
        copy.setId("copyOptimalNetwork");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        BorderPane root = new BorderPane(text);
        HBox bar = new HBox(copy);
        bar.setPadding(new Insets(6));
        root.setBottom(bar);
        Scene scene = new Scene(root, 760, 360);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || (e.getCode() == KeyCode.W && e.isShortcutDown())) {
                stage.close();
            }
        });
        stage.initOwner(owner);
        stage.setTitle("Optimal network (γ_gl) — lowrot");
        stage.setScene(scene);
    }

    void show() {
        refresh();
        stage.show();
        stage.toFront();
    }

    /** The table of the session's current γ_gl, or what is still missing; only when that result changed. */
    void refresh() {
        GlobalMarginResult g = session.refs().global();
        if (filled && g == shown) {
            return;
        }
        filled = true;
        shown = g;
        text.setText(
                g == null
                        ? "γ_gl is still being computed for this data; the table fills in when it arrives."
                        : OptimalNetworkTable.of(g));
    }

    boolean showing() {
        return stage.isShowing();
    }

    String text() {
        return text.getText();
    }
}
