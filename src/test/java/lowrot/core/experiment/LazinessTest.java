package lowrot.core.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Datasets;
import lowrot.core.model.Regime;
import lowrot.core.model.RegimePresets;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Metrics;
import lowrot.core.util.ProgressMonitor;
import org.junit.jupiter.api.Test;

/** Laziness against width: the fits on known power laws, and the near-initialization preset's low rotation. */
class LazinessTest {
    private static Metrics metrics(double rotation, double maxRotation, double perSqrtM, double flips) {
        return Metrics.builder()
                .time(1)
                .risk(1)
                .trainError(0)
                .testError(0)
                .minMargin(0)
                .worstIndex(0)
                .marginFrobenius(0)
                .marginPath(0)
                .logRisk(0)
                .logTime(0)
                .weightNorm(1)
                .pathNorm(1)
                .rotationMean(rotation)
                .rotationMedian(rotation)
                .rotationMax(maxRotation)
                .rotationWeighted(rotation)
                .motion(1)
                .motionPerSqrtM(perSqrtM)
                .patternsChanged(flips)
                .zeroNeurons(0)
                .build();
    }

    @Test
    void exponentsOfExactPowerLawsAreRecoveredAndJudged() {
        List<WidthSweep.Point> points = new ArrayList<>();
        for (int m : new int[] {16, 64, 256, 1024}) {
            for (long seed = 1; seed <= 2; seed++) {
                // Mean rotation exactly 0.4·m^−½ rad, max constant, motion/√m 3·m^−½, flips 0.2·m^−0.25.
                points.add(new WidthSweep.Point(
                        m,
                        seed,
                        metrics(
                                0.4 / Math.sqrt(m),
                                1.5,
                                3 / Math.sqrt(m),
                                0.2 * Math.pow(m, -0.25) * (seed == 1 ? 0.9 : 1.1))));
            }
        }
        Laziness.Exponent rot = Laziness.exponent(points, Laziness.Measure.ROTATION_MEAN);
        assertEquals(-0.5, rot.fit().slope(), 1e-12);
        assertEquals(Math.toDegrees(0.4), rot.fit().at(1), 1e-9, "degrees");
        assertTrue(rot.verdict().startsWith("agrees"), rot.verdict());
        assertEquals(
                0,
                Laziness.exponent(points, Laziness.Measure.ROTATION_MAX).fit().slope(),
                1e-12);
        assertEquals(
                "falls slower than m^−½",
                Laziness.exponent(points, Laziness.Measure.ROTATION_MAX).verdict());
        assertEquals(
                -0.5,
                Laziness.exponent(points, Laziness.Measure.MOTION_PER_SQRT_M)
                        .fit()
                        .slope(),
                1e-12);
        assertEquals(
                -0.25,
                Laziness.exponent(points, Laziness.Measure.PATTERN_FLIPS).fit().slope(),
                1e-12,
                "per-width means: the seed factors 0.9 and 1.1 average to 1");
        assertNull(Laziness.exponent(points.subList(0, 4), Laziness.Measure.ROTATION_MEAN), "two widths: no fit");
        assertEquals(4, Laziness.report(points).size());
    }

    @Test
    void theNearInitializationPresetRotatesFarLessThanWidth64() {
        RunConfig preset = RegimePresets.of(Regime.NEAR_INITIALIZATION, 1, 1);
        DataSplit data = Datasets.generate(preset.dataset(), 1);
        List<WidthSweep.Point> p = WidthSweep.run(
                preset,
                data,
                new int[] {64, preset.network().width()},
                new long[] {1},
                100,
                1_000_000,
                2,
                ProgressMonitor.NONE,
                q -> {},
                WidthSweep.allCells(2, 1));
        double narrow = p.get(0).metrics().rotationMean();
        double wide = p.get(1).metrics().rotationMean();
        // m^−½ would give a factor 8 from 64 to 4096; ask for at least 3.
        assertTrue(
                wide < narrow / 3,
                "mean rotation at τ = 100: m = 64 " + Math.toDegrees(narrow) + "°, m = "
                        + preset.network().width() + " " + Math.toDegrees(wide) + "°");
    }
}
