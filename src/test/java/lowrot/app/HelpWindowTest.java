package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import lowrot.io.LabConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Help → About the math reads as a page: no Markdown marks left, tables as grids, Esc and Ctrl+W close it; View →
 * Optimal network shows the session's γ_gl as a table.
 */
@ExtendWith(ApplicationExtension.class)
class HelpWindowTest {
    private MainWindow window;

    @Start
    void start(Stage s) {
        window = new MainWindow(s, LabConfig.defaults());
        s.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.shutdown());
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            collect(sp.getContent(), out);
        }
    }

    @Test
    void theMathPageIsRenderedAndClosesWithEscOrCtrlW(FxRobot robot) throws Exception {
        for (boolean escape : new boolean[] {true, false}) {
            robot.interact(() -> window.showMath());
            Stage math = window.mathWindow();
            assertTrue(math.isShowing());
            List<Node> nodes = new ArrayList<>();
            robot.interact(() -> collect(math.getScene().getRoot(), nodes));
            StringBuilder text = new StringBuilder();
            int grids = 0;
            for (Node n : nodes) {
                if (n instanceof Text t) {
                    text.append(t.getText());
                }
                grids += n instanceof GridPane ? 1 : 0;
            }
            String all = text.toString();
            assertTrue(all.contains("The mathematics lowrot computes"), "the title is there");
            assertTrue(all.contains("Feature selection with gradient descent"), "the body is there");
            assertFalse(all.contains("**") || all.contains("|---") || all.contains("\n#"), "no Markdown marks");
            assertTrue(grids >= 1, "tables are grids");
            robot.interact(() -> math.requestFocus());
            if (escape) {
                robot.type(KeyCode.ESCAPE);
            } else {
                robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(math.isShowing(), escape ? "Esc closes it" : "Ctrl+W closes it");
        }
    }

    @Test
    void theOptimalNetworkWindowShowsTheSessionsGlobalMarginAsACopyableTable(FxRobot robot) throws Exception {
        robot.interact(() -> window.optimalNetwork().show());
        OptimalNetworkWindow table = window.optimalNetwork();
        assertTrue(table.showing());
        // The references arrive on solver threads: wait (a liveness bound) until γ_gl is in the table.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (window.session().refs().global() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.refresh());
        var global = window.session().refs().global();
        assertTrue(global != null, "γ_gl arrived");
        String text = table.text();
        assertTrue(text.equals(lowrot.render.OptimalNetworkTable.of(global)), text);
        assertTrue(text.startsWith("γ_gl ∈ ["), text);
    }
}
