package lowrot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import lowrot.core.experiment.Learner;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;

/** Experiment charts before any result: their log axes span the experiment's range, not JFreeChart's [0, 1]. */
class EmptyExperimentChartsTest {
    @Test
    void emptyChartsShowTheExperimentsRange() {
        ValueAxis n = ComplexityCharts.errors(List.of(), Learner.KERNEL, new int[] {8, 12}, 0.1)
                .getXYPlot()
                .getDomainAxis();
        assertEquals(8, n.getLowerBound(), 1e-9);
        assertEquals(512, n.getUpperBound(), 1e-9);
        ValueAxis m = SweepCharts.laziness(
                        List.of(), lowrot.core.experiment.Laziness.Measure.values()[0], Palette.POSITIVE)
                .getXYPlot()
                .getDomainAxis();
        assertEquals(4, m.getLowerBound(), 1e-9);
        assertEquals(32768, m.getUpperBound(), 1e-9);
    }
}
