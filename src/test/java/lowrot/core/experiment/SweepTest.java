package lowrot.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DataSplit;
import lowrot.core.data.DatasetKind;
import lowrot.core.data.Datasets;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Metrics;
import lowrot.core.train.Trainer;
import lowrot.core.util.CancelledException;
import lowrot.core.util.ProgressMonitor;
import lowrot.core.util.Rng;
import org.junit.jupiter.api.Test;

class SweepTest {

    @Test
    void tinySweepIsDeterministicAndShaped() {
        RunConfig base = RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS).withN(40));
        DataSplit data = Datasets.generate(base.dataset(), base.dataSeed());
        int[] widths = {4, 16};
        long[] seeds = {1, 2, 3};
        List<WidthSweep.Point> a = WidthSweep.run(
                base,
                data,
                widths,
                seeds,
                5.0,
                100_000,
                2,
                ProgressMonitor.NONE,
                q -> {},
                WidthSweep.allCells(widths.length, seeds.length));
        List<WidthSweep.Point> b = WidthSweep.run(
                base,
                data,
                widths,
                seeds,
                5.0,
                100_000,
                1,
                ProgressMonitor.NONE,
                q -> {},
                WidthSweep.allCells(widths.length, seeds.length));
        assertEquals(6, a.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(widths[k / 3], a.get(k).width());
            assertEquals(seeds[k % 3], a.get(k).seed());
            assertEquals(
                    a.get(k).metrics().marginPath(), b.get(k).metrics().marginPath(), 0, "same bits, 1 or 2 workers");
            assertTrue(a.get(k).metrics().time() >= 5.0 && a.get(k).metrics().time() < 5.0 + 0.5 + 1e-9);
        }
        // Each point equals a plain run of that width and seed.
        Trainer t = new Trainer(base.withNetwork(base.network().withWidth(16)).withSeeds(base.dataSeed(), 2), data);
        t.steps(10);
        assertEquals(t.snapshot(0).metrics().marginPath(), a.get(4).metrics().marginPath(), 0);
        List<WidthSweep.Summary> s = WidthSweep.summarise(a, Metrics::marginPath);
        assertEquals(2, s.size());
        double mean = (a.get(3).metrics().marginPath()
                        + a.get(4).metrics().marginPath()
                        + a.get(5).metrics().marginPath())
                / 3;
        assertEquals(mean, s.get(1).mean(), 1e-15);
        assertEquals(3, s.get(1).runs());
    }

    @Test
    void sweepsCanBeCancelled() {
        RunConfig base = RunConfig.defaults();
        DataSplit data = Datasets.generate(base.dataset(), 1);
        ProgressMonitor stop = new ProgressMonitor() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThrows(
                CancelledException.class,
                () -> WidthSweep.run(
                        base,
                        data,
                        new int[] {8},
                        new long[] {1},
                        1e9,
                        1_000_000_000L,
                        1,
                        stop,
                        q -> {},
                        WidthSweep.allCells(1, 1)));
    }

    /* y = 3·x^1.5 · e^{ε}, ε ~ N(0, 0.05²): the fit recovers 1.5 within its confidence interval. */
    @Test
    void powerLawFitRecoversAKnownExponent() {
        Rng rng = new Rng(9);
        double[] x = new double[12];
        double[] y = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.pow(2, i + 2);
            y[i] = 3 * Math.pow(x[i], 1.5) * Math.exp(0.05 * rng.nextGaussian());
        }
        Fits.PowerLaw fit = Fits.powerLaw(x, y);
        assertTrue(fit.lower95() <= 1.5 && 1.5 <= fit.upper95(), fit.toString());
        assertEquals(1.5, fit.slope(), 0.05);
        assertEquals(3, Math.exp(fit.intercept()), 0.5);
        // Exact data: zero standard error.
        Fits.PowerLaw exact = Fits.powerLaw(new double[] {1, 2, 4}, new double[] {5, 5 / 4.0, 5 / 16.0});
        assertEquals(-2, exact.slope(), 1e-12);
        assertEquals(0, exact.standardError(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Fits.powerLaw(new double[] {1, 2}, new double[] {1, 2}));
        assertEquals(2.228, Fits.tQuantile975(10), 0);
        assertEquals(1.984, Fits.tQuantile975(100), 0.001);
    }
}
