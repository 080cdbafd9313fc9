package lowrot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.margin.GlobalMarginSolver;
import lowrot.core.margin.KernelCeiling;
import lowrot.core.margin.NtkMarginSolver;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Metrics;
import lowrot.core.train.Trainer;
import lowrot.core.util.ProgressMonitor;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** Kernel quantities and path-norm quantities are drawn on separate charts, each line naming its units. */
class ChartSetTest {
    @Test
    void kernelAndPathNormQuantitiesNeverShareAChart() {
        RunConfig rc = RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS).withN(40).withNTest(10));
        Trainer t = new Trainer(rc);
        List<Metrics> points = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            t.steps(40);
            points.add(t.snapshot(1).metrics());
        }
        var train = t.data().train();
        ReferenceMargins refs = new ReferenceMargins(
                NtkMarginSolver.solve(
                        train, NtkMarginSolver.Options.defaults().withDirections(256), ProgressMonitor.NONE),
                GlobalMarginSolver.solve(train, GlobalMarginSolver.Options.defaults(), ProgressMonitor.NONE),
                null,
                KernelCeiling.compute(rc, train, t.initialNetwork(), ProgressMonitor.NONE));
        ChartSet charts = new ChartSet(ChartOptions.defaults());
        charts.update(points, List.of(), refs, true, DatasetKind.QUADRANTS);

        XYPlot margin = charts.chart(ChartSet.Panel.MARGIN).getXYPlot();
        // References are legend entries (dashed lines across the data), never text that can overlap.
        XYDataset refLines = margin.getDataset(1);
        List<String> marginLabels = new ArrayList<>();
        for (int s = 0; s < refLines.getSeriesCount(); s++) {
            marginLabels.add(refLines.getSeriesKey(s).toString());
        }
        assertEquals(1, marginLabels.size(), marginLabels.toString());
        assertTrue(marginLabels.get(0).startsWith("γ_gl = "), marginLabels.toString());
        assertEquals(refs.global().lower(), refLines.getYValue(0, 0), 0.0);
        assertEquals(
                0,
                margin.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND) == null
                        ? 0
                        : margin.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                                .size(),
                "no labelled markers");
        assertEquals(5, margin.getDataset(0).getItemCount(0), "γ_P of every point");
        assertEquals(1, margin.getDataset(0).getSeriesCount(), "only γ_P on the path-norm chart");

        XYPlot kernel = charts.chart(ChartSet.Panel.KERNEL).getXYPlot();
        XYDataset lines = kernel.getDataset(1);
        List<String> keys = new ArrayList<>();
        for (int s = 0; s < lines.getSeriesCount(); s++) {
            keys.add(lines.getSeriesKey(s).toString());
        }
        assertEquals(3, keys.size(), keys.toString());
        assertTrue(
                keys.get(0).startsWith("γ_ntk = ")
                        && keys.get(1).startsWith("ℓ₂ ceiling at W₀ = ")
                        && keys.get(2).startsWith("ℓ₂ ceiling, m → ∞ = "),
                keys.toString());
        assertEquals(refs.kernel().empirical().value(), lines.getYValue(1, 0), 0);
        assertEquals("tangent margin of W − W₀", kernel.getDataset(0).getSeriesKey(0));
        assertEquals(5, kernel.getDataset(0).getItemCount(0));
        assertEquals(points.get(4).marginDisplacement(), kernel.getDataset(0).getYValue(0, 4), 0);
    }

    /** Before the first step the reference lines are drawn (markers) and named in the legend all the same. */
    @Test
    void referenceLinesHaveLegendEntriesBeforeTheFirstStep() {
        RunConfig rc = RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS).withN(40).withNTest(10));
        Trainer t = new Trainer(rc);
        var train = t.data().train();
        ReferenceMargins refs = new ReferenceMargins(
                NtkMarginSolver.solve(
                        train, NtkMarginSolver.Options.defaults().withDirections(256), ProgressMonitor.NONE),
                GlobalMarginSolver.solve(train, GlobalMarginSolver.Options.defaults(), ProgressMonitor.NONE),
                null,
                null);
        ChartSet charts = new ChartSet(ChartOptions.defaults());
        // Step 0 only: τ = 0 has no place on the log time axis, so there is no data to span yet.
        charts.update(List.of(t.snapshot(1).metrics()), List.of(), refs, true, DatasetKind.QUADRANTS);
        for (ChartSet.Panel panel : new ChartSet.Panel[] {ChartSet.Panel.MARGIN, ChartSet.Panel.KERNEL}) {
            XYPlot plot = charts.chart(panel).getXYPlot();
            assertTrue(
                    plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND) != null
                            && !plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                                    .isEmpty(),
                    panel + ": the line is drawn");
            List<String> legend = new ArrayList<>();
            var items = plot.getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) {
                legend.add(items.get(i).getLabel());
            }
            String name = panel == ChartSet.Panel.MARGIN ? "γ_gl" : "γ_ntk";
            assertTrue(legend.stream().anyMatch(l -> l.startsWith(name)), panel + " legend: " + legend);
        }
    }

    @Test
    void pinnedRunsAreFaintCurvesOnEveryChartNamedInTheLegend() {
        RunConfig rc = RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS).withN(40).withNTest(10));
        Trainer a = new Trainer(rc);
        Trainer b = new Trainer(rc.withNetwork(rc.network().withWidth(256)));
        List<Metrics> first = new ArrayList<>();
        List<Metrics> second = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            a.steps(30);
            b.steps(30);
            first.add(a.snapshot(1).metrics());
            second.add(b.snapshot(1).metrics());
        }
        ChartSet charts = new ChartSet(ChartOptions.defaults());
        ChartSet.Pin pin = ChartSet.Pin.of(lowrot.core.model.Regime.NEAR_INITIALIZATION, 64, 0.5, first);
        assertEquals("m = 64, η = 0.5, near init", pin.label());
        charts.setPins(List.of(pin));
        charts.update(second, List.of(), new ReferenceMargins(null, null, null, null), true, DatasetKind.QUADRANTS);
        for (ChartSet.Panel panel : ChartSet.Panel.values()) {
            if (panel == ChartSet.Panel.SPREAD) {
                continue; // a histogram of one snapshot, with an angle on its x axis: nothing over time to pin
            }
            XYPlot plot = charts.chart(panel).getXYPlot();
            XYDataset ghosts = plot.getDataset(2);
            assertEquals(1, ghosts.getSeriesCount(), panel.name());
            assertEquals("pin: " + pin.label(), ghosts.getSeriesKey(0), panel.name());
            assertEquals(6, ghosts.getItemCount(0), panel.name());
            for (int i = 0; i < 6; i++) {
                assertEquals(PinnedCurves.value(panel, first.get(i), false), ghosts.getYValue(0, i), 0.0, panel.name());
            }
            boolean inLegend = false;
            var items = plot.getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) {
                inLegend |= items.get(i).getLabel().equals("pin: " + pin.label());
            }
            assertTrue(inLegend, panel + ": the legend names the pin");
        }
        // The live run is still drawn as itself, and clearing the pins removes the ghosts.
        assertEquals(
                second.get(5).marginPath(),
                charts.chart(ChartSet.Panel.MARGIN).getXYPlot().getDataset(0).getYValue(0, 5),
                0.0);
        charts.setPins(List.of());
        charts.update(second, List.of(), new ReferenceMargins(null, null, null, null), true, DatasetKind.QUADRANTS);
        assertEquals(
                0, charts.chart(ChartSet.Panel.MARGIN).getXYPlot().getDataset(2).getSeriesCount());
    }

    @Test
    void theRotationPerNeuronChartIsTheSnapshotsHistogramAndAgreesWithTheMeanRotation() {
        var rc = lowrot.core.model.RegimePresets.of(lowrot.core.model.Regime.NEURAL_COLLAPSE, 1, 1);
        Trainer t = new Trainer(rc.withNetwork(rc.network().withWidth(64)));
        t.steps(400);
        var snap = t.snapshot(1);
        ChartSet charts = new ChartSet(ChartOptions.defaults());
        charts.setSpread(lowrot.core.train.RotationSpread.of(snap));
        XYDataset bars = charts.chart(ChartSet.Panel.SPREAD).getXYPlot().getDataset();
        assertEquals(lowrot.core.train.RotationSpread.BINS, bars.getItemCount(0));
        double neuronSum = 0;
        double meanFromBins = 0;
        var spread = lowrot.core.train.RotationSpread.of(snap);
        for (int i = 0; i < bars.getItemCount(0); i++) {
            neuronSum += bars.getYValue(0, i);
            meanFromBins += bars.getXValue(0, i) * bars.getYValue(0, i);
            assertEquals(spread.neurons(i), bars.getYValue(0, i), 0.0);
        }
        assertEquals(1.0, neuronSum, 1e-12);
        // The metrics' mean rotation, computed on the trainer's own pass, lies within half a bin of the
        // histogram's mean (each neuron is at most half a bin from its bin's centre).
        double mean = Math.toDegrees(snap.metrics().rotationMean());
        assertTrue(mean > 0, "the network moved");
        assertEquals(mean, meanFromBins, spread.binWidth() / 2);
        assertTrue(
                charts.chart(ChartSet.Panel.SPREAD).getXYPlot().getDomainAxis().getUpperBound() == spread.top());
    }
}
