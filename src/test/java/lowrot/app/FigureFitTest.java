package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import lowrot.core.model.Regime;
import lowrot.core.model.RegimePresets;
import lowrot.io.LabConfig;
import lowrot.render.ChartSet;
import lowrot.render.LegendFit;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.entity.TitleEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No legend item or title of a chart runs past the chart's edge, at the sizes the window gives its charts at
 * 1280 × 800 and 1920 × 1080, in the window's and in presentation mode's text sizes, on the neural-collapse run
 * (the longest legend: both alignments). Drawn as the painter draws them; plain {@code chart.draw} — the old way —
 * cuts a legend item at 1280 × 800.
 */
@ExtendWith(ApplicationExtension.class)
class FigureFitTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        window = new MainWindow(s, LabConfig.defaults().withRun(RegimePresets.of(Regime.NEURAL_COLLAPSE, 1, 1)));
        s.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.shutdown());
    }

    /** What of the chart, drawn at w × h, lies outside it: "kind 'text' [x0, x1]". */
    private static List<String> outside(JFreeChart chart, int w, int h, boolean fit) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        Rectangle2D area = new Rectangle2D.Double(0, 0, w, h);
        if (fit) {
            LegendFit.draw(chart, g, area, info);
        } else {
            chart.draw(g, area, info);
        }
        g.dispose();
        List<String> out = new ArrayList<>();
        for (Object o : info.getEntityCollection().getEntities()) {
            ChartEntity e = (ChartEntity) o;
            if (!(e instanceof LegendItemEntity || e instanceof TitleEntity)) {
                continue;
            }
            Rectangle2D b = e.getArea().getBounds2D();
            if (b.getMinX() < -0.5 || b.getMaxX() > w + 0.5 || b.getMinY() < -0.5 || b.getMaxY() > h + 0.5) {
                String what = e instanceof LegendItemEntity l ? String.valueOf(l.getSeriesKey()) : "title";
                out.add(what + " [" + Math.round(b.getMinX()) + ", " + Math.round(b.getMaxX()) + "] in " + w);
            }
        }
        return out;
    }

    /** Charts drawn with the session's data and options at the sizes of the window's views now. */
    private List<String> outsideNow(FxRobot robot, boolean fit) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            ChartInputs inputs = ChartInputs.of(window.session());
            ChartSet charts = new ChartSet(inputs.options());
            inputs.fill(charts);
            for (ChartSet.Panel p : window.figures().shown().charts()) {
                BitmapView v = window.figures().view(p);
                for (String s : outside(charts.chart(p), v.logicalWidth(), v.logicalHeight(), fit)) {
                    out.add(p.name() + ": " + s);
                }
            }
        });
        return out;
    }

    private void size(FxRobot robot, int w, int h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void noLegendItemOrTitleRunsPastItsChartFrom1280By800Up(FxRobot robot) throws Exception {
        robot.interact(() -> window.session().transport().play());
        // Both alignments have values once the max-margin network is known and the run has taken steps.
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> window.session().history().points().size() > 5
                        && lowrot.core.train.Metrics.applies(window.session()
                                .history()
                                .points()
                                .get(window.session().history().points().size() - 1)
                                .optimalAlignment()));
        robot.interact(() -> window.session().transport().pause());

        size(robot, 1280, 800);
        int[] narrow = new int[1];
        robot.interact(
                () -> narrow[0] = window.figures().view(ChartSet.Panel.FEATURES).logicalWidth());
        List<String> old = outsideNow(robot, false);
        assertFalse(
                old.isEmpty(), "drawn as before, a legend item is cut at 1280 × 800 (features " + narrow[0] + " wide)");
        assertEquals(List.of(), outsideNow(robot, true), "1280 × 800");
        size(robot, 1920, 1080);
        robot.interact(() -> assertTrue(
                window.figures().view(ChartSet.Panel.FEATURES).logicalWidth() > narrow[0] + 100,
                "the window grew from " + narrow[0]));
        assertEquals(List.of(), outsideNow(robot, true), "1920 × 1080");

        robot.interact(() -> window.presentation().set(true));
        for (ChartSet.Panel p : ChartSet.Panel.values()) {
            robot.interact(() -> window.presentation().choose(p, true));
        }
        size(robot, 1280, 800);
        assertEquals(List.of(), outsideNow(robot, true), "presentation, every chart, 1280 × 800");
        size(robot, 1920, 1080);
        assertEquals(List.of(), outsideNow(robot, true), "presentation, every chart, 1920 × 1080");
    }
}
