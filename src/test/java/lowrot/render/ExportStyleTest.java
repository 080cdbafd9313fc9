package lowrot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Metrics;
import lowrot.core.train.Trainer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** Exported charts: every text at least 12 pt, and a caption line naming the run under the figure. */
class ExportStyleTest {
    @Test
    void exportedChartsHaveReadableTextAndNameTheirRun() {
        RunConfig rc = RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS).withN(30).withNTest(5));
        Trainer t = new Trainer(rc);
        t.steps(20);
        Metrics m = t.snapshot(1).metrics();
        ChartSet charts = new ChartSet(ChartOptions.defaults());
        charts.update(List.of(m), List.of(), new ReferenceMargins(null, null, null, null), true, DatasetKind.QUADRANTS);
        for (ChartSet.Panel p : ChartSet.Panel.values()) {
            JFreeChart chart = charts.chart(p);
            ExportStyle.apply(chart);
            assertTrue(chart.getTitle().getFont().getSize() >= 12, p.name());
            XYPlot plot = chart.getXYPlot();
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                if (plot.getRangeAxis(i) != null) {
                    assertTrue(plot.getRangeAxis(i).getTickLabelFont().getSize() >= 12, p + " ticks");
                    assertTrue(plot.getRangeAxis(i).getLabelFont().getSize() >= 12, p + " axis label");
                }
            }
            assertTrue(plot.getDomainAxis().getTickLabelFont().getSize() >= 12, p + " x ticks");
        }
        String caption = ExportStyle.caption(rc, 2, 0.5, 20, 10);
        assertEquals(
                rc.training().regime().label() + " · " + DatasetKind.QUADRANTS.label() + " · m = "
                        + rc.network().width() + " · d = 2 · η = 0.5 · step 20 · τ = " + ChartSet.fmt(10),
                caption);
        // The caption is drawn in the band under the figure.
        int w = 800;
        int h = 500;
        BufferedImage image = Figures.bitmap(
                w,
                h,
                1,
                ExportStyle.captioned(
                        (cw, ch) -> Figures.chart(charts.chart(ChartSet.Panel.MARGIN), cw, ch), caption, w, h));
        int ink = 0;
        for (int y = h - ExportStyle.CAPTION_HEIGHT; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ink += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertTrue(ink > 200, ink + " inked pixels in the caption band");
    }
}
