package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import lowrot.io.LabConfig;
import lowrot.render.ChartSet;
import lowrot.render.Figures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode in the real window (headless): every text the window, the charts and the circle view draw is
 * at least 18 pt, the control panel folds behind the Controls button, only the chosen figures show, and the
 * choice outlives the window.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {
    private MainWindow window;

    @BeforeAll
    static void freshPrefs() throws Exception {
        Files.deleteIfExists(WindowPrefs.standard().file());
    }

    @Start
    void start(Stage s) {
        window = new MainWindow(s, LabConfig.defaults());
        s.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.shutdown());
    }

    /** Every font-size an SVG drawing uses, in px (JFreeSVG writes Java 2D points as px). */
    static List<Double> svgFontSizes(String svg) {
        List<Double> sizes = new ArrayList<>();
        Matcher m = Pattern.compile("font-size: ?([0-9.]+)").matcher(svg);
        while (m.find()) {
            sizes.add(Double.parseDouble(m.group(1)));
        }
        return sizes;
    }

    /** The font sizes of every visible Labeled and Text under the node. */
    private static void visibleFontSizes(Node node, List<String> small, double min) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && !l.getText().isEmpty() && l.getFont().getSize() < min) {
            small.add(l.getClass().getSimpleName() + " '" + l.getText() + "' "
                    + l.getFont().getSize());
        }
        if (node instanceof Text t && !t.getText().isEmpty() && t.getFont().getSize() < min) {
            small.add("Text '" + t.getText() + "' " + t.getFont().getSize());
        }
        if (node instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                visibleFontSizes(c, small, min);
            }
        }
    }

    @Test
    void everyTextIsAtLeast18PointsTheControlsFoldAndTheChoiceIsRemembered(FxRobot robot) throws Exception {
        robot.interact(() -> window.session().transport().play());
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> window.session().latest() != null
                        && window.session().latest().step() >= 40);
        robot.interact(() -> window.session().transport().pause());
        List<String> before = new ArrayList<>();
        robot.interact(() -> visibleFontSizes(window.stage().getScene().getRoot(), before, 18));
        assertFalse(before.isEmpty(), "the window's own sizes are under 18 pt (the test can tell)");

        robot.interact(() -> window.presentation().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> small = new ArrayList<>();
        robot.interact(() -> {
            window.stage().getScene().getRoot().applyCss();
            visibleFontSizes(window.stage().getScene().getRoot(), small, 18);
        });
        assertEquals(List.of(), small, "texts under 18 pt in presentation mode");

        // The charts and the circle view, drawn as the painter draws them, in SVG.
        String[] svgs = new String[ChartSet.Panel.values().length + 1];
        robot.interact(() -> {
            ChartInputs inputs = ChartInputs.of(window.session());
            ChartSet charts = new ChartSet(inputs.options());
            inputs.fill(charts);
            for (ChartSet.Panel p : ChartSet.Panel.values()) {
                svgs[p.ordinal()] = Figures.svg(640, 480, Figures.chart(charts.chart(p), 640, 480));
            }
            svgs[svgs.length - 1] = Figures.svg(
                    640, 480, Figures.circle(window.session().pictures().sceneCopy(), 640, 480));
        });
        for (String svg : svgs) {
            List<Double> sizes = svgFontSizes(svg);
            assertFalse(sizes.isEmpty(), "the drawing has text");
            assertTrue(sizes.stream().allMatch(s -> s >= 18), "font sizes " + sizes);
        }

        // The tour's card and its last stop's figure in presentation sizes too.
        robot.interact(() -> window.tour().go(TourStops.ALL.size() - 1));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.tour().complexityChart() != null);
        List<String> tourSmall = new ArrayList<>();
        String[] tourSvg = new String[1];
        robot.interact(() -> {
            window.stage().getScene().getRoot().applyCss();
            visibleFontSizes(window.stage().getScene().lookup("#tourCard"), tourSmall, 18);
            tourSvg[0] = Figures.svg(640, 480, Figures.chart(window.tour().complexityChart(), 640, 480));
        });
        assertEquals(List.of(), tourSmall, "texts under 18 pt in the tour's card");
        assertTrue(svgFontSizes(tourSvg[0]).stream().allMatch(s -> s >= 18), "tour figure " + svgFontSizes(tourSvg[0]));
        robot.interact(() -> window.tour().close());

        // Controls fold into the transport bar; the default choice shows the circle, margin and rotation.
        robot.interact(() -> {
            assertTrue(window.presentation().on());
            assertNull(
                    ((javafx.scene.layout.BorderPane) window.stage().getScene().getRoot()).getLeft());
            assertEquals(FigureChoice.presentationDefault(), window.figures().shown());
            assertNull(window.figures().view(ChartSet.Panel.KERNEL).getParent(), "hidden charts leave the grid");
        });
        robot.clickOn("#controlsToggle");
        robot.interact(() -> assertNotNull(
                ((javafx.scene.layout.BorderPane) window.stage().getScene().getRoot()).getLeft()));
        robot.clickOn("#controlsToggle");

        // A new choice shows at once and is in the preferences file for the next launch.
        robot.interact(() -> window.presentation().choose(ChartSet.Panel.FEATURES, true));
        robot.interact(() -> window.presentation().choose(ChartSet.Panel.ROTATION, false));
        FigureChoice expected = new FigureChoice(true, EnumSet.of(ChartSet.Panel.MARGIN, ChartSet.Panel.FEATURES));
        robot.interact(() -> assertEquals(expected, window.figures().shown()));
        WindowPrefs reread = WindowPrefs.standard();
        assertEquals(expected, FigureChoice.parse(reread.get(PresentationMode.FIGURES_KEY, null), null));

        // Leaving restores every figure, the panel and the small sizes.
        robot.interact(() -> window.presentation().set(false));
        robot.interact(() -> {
            assertEquals(FigureChoice.all(), window.figures().shown());
            assertNotNull(
                    ((javafx.scene.layout.BorderPane) window.stage().getScene().getRoot()).getLeft());
            assertEquals(
                    lowrot.render.ChartText.WINDOW,
                    window.session().pictures().chartOptions().text());
        });
    }
}
