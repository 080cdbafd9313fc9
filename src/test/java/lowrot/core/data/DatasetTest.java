package lowrot.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Trainer;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static void assertInUnitBall(Dataset data) {
        for (int i = 0; i < data.n(); i++) {
            double norm2 = 0;
            for (int k = 0; k < data.d(); k++) {
                norm2 += data.x(i, k) * data.x(i, k);
            }
            assertTrue(Math.sqrt(norm2) <= 1 + 1e-12, "point " + i + " has norm " + Math.sqrt(norm2));
            assertTrue(data.y(i) == 1 || data.y(i) == -1);
        }
    }

    /** |count − n/2| within 5 binomial standard deviations. */
    private static void assertBalanced(Dataset data) {
        double sd = Math.sqrt(data.n()) / 2;
        assertEquals(data.n() / 2.0, data.positives(), 5 * sd, "label balance");
    }

    @Test
    void parity() {
        DataSplit split = Datasets.generate(
                DataSpec.defaults(DatasetKind.PARITY).withD(7).withN(4000).withNTest(500), 3);
        Dataset train = split.train();
        assertEquals(7, train.d());
        assertEquals(4000, train.n());
        assertEquals(500, split.test().n());
        double c = 1 / Math.sqrt(7);
        for (int i = 0; i < train.n(); i++) {
            for (int k = 0; k < 7; k++) {
                assertEquals(c, Math.abs(train.x(i, k)), 0);
            }
            assertEquals(Math.signum(train.x(i, 0) * train.x(i, 1)), train.y(i));
        }
        assertInUnitBall(train);
        assertBalanced(train);
    }

    @Test
    void labelNoiseFlipsAboutTheRequestedShareOfTrainingLabelsOnly() {
        DataSpec spec = DataSpec.defaults(DatasetKind.PARITY)
                .withD(4)
                .withN(10_000)
                .withNTest(2000)
                .withLabelNoise(0.2);
        DataSplit split = Datasets.generate(spec, 5);
        int flipped = 0;
        for (int i = 0; i < split.train().n(); i++) {
            if (split.train().y(i)
                    != Math.signum(split.train().x(i, 0) * split.train().x(i, 1))) {
                flipped++;
            }
        }
        // Binomial(10000, 0.2): sd = 40.
        assertEquals(2000, flipped, 200);
        for (int i = 0; i < split.test().n(); i++) {
            assertEquals(
                    Math.signum(split.test().x(i, 0) * split.test().x(i, 1)),
                    split.test().y(i));
        }
    }

    @Test
    void neuralCollapseGroups() {
        for (int d : new int[] {2, 16}) {
            int r = d == 2 ? 5 : 8;
            DataSpec spec = DataSpec.defaults(DatasetKind.NEURAL_COLLAPSE)
                    .withD(d)
                    .withGroups(r)
                    .withSpread(0.3)
                    .withN(1000);
            Dataset train = Datasets.generate(spec, 11).train();
            assertInUnitBall(train);
            assertEquals(r, train.centreCount());
            double[] mu = train.copyCentres();
            double[] maxDist = new double[r];
            int[] counts = new int[r];
            for (int i = 0; i < train.n(); i++) {
                int group = i % r;
                counts[group]++;
                double dist2 = 0;
                for (int k = 0; k < d; k++) {
                    double diff = train.x(i, k) - mu[group * d + k];
                    dist2 += diff * diff;
                }
                maxDist[group] = Math.max(maxDist[group], Math.sqrt(dist2));
                assertEquals(group % 2 == 0 ? 1.0 : -1.0, train.y(i));
            }
            for (int g = 0; g < r; g++) {
                assertTrue(maxDist[g] <= 0.3 + 1e-12, "group " + g + " spread " + maxDist[g]);
                assertTrue(maxDist[g] > 0.15, "group " + g + " should fill its ball: " + maxDist[g]);
                assertEquals(1000 / r, counts[g], 1);
                double norm = 0;
                for (int k = 0; k < d; k++) {
                    norm += mu[g * d + k] * mu[g * d + k];
                }
                assertEquals(1.0, norm, 1e-15);
            }
            if (d == 16) {
                for (int g = 0; g < r; g++) {
                    for (int h = 0; h < g; h++) {
                        double dot = 0;
                        for (int k = 0; k < d; k++) {
                            dot += mu[g * d + k] * mu[h * d + k];
                        }
                        assertEquals(0.0, dot, 0, "centres orthonormal");
                    }
                }
            } else {
                assertEquals(Math.cos(2 * Math.PI / 5), mu[2], 1e-15);
            }
        }
    }

    @Test
    void givenGroupLabels() {
        DataSpec spec =
                DataSpec.defaults(DatasetKind.NEURAL_COLLAPSE).withGroups(3).withGroupLabels(List.of(1, 1, -1));
        Dataset train = Datasets.generate(spec, 1).train();
        for (int i = 0; i < train.n(); i++) {
            assertEquals(i % 3 == 2 ? -1.0 : 1.0, train.y(i));
        }
        assertFalse(spec.withGroupLabels(List.of(1, 2, -1)).validate().isEmpty());
    }

    @Test
    void quadrantsWithGap() {
        Dataset train = Datasets.generate(
                        DataSpec.defaults(DatasetKind.QUADRANTS)
                                .withGapDegrees(15)
                                .withN(3000),
                        2)
                .train();
        assertInUnitBall(train);
        assertBalanced(train);
        for (int i = 0; i < train.n(); i++) {
            double x = train.x(i, 0);
            double y = train.x(i, 1);
            assertEquals(Math.signum(x * y), train.y(i));
            double fromAxis = Math.toDegrees(Math.min(Math.abs(Math.atan2(y, x)), Math.abs(Math.atan2(x, y))));
            double fromAxisAny = Math.min(
                    fromAxis, Math.toDegrees(Math.min(Math.abs(Math.atan2(-y, -x)), Math.abs(Math.atan2(-x, -y)))));
            assertTrue(fromAxisAny >= 15 - 1e-9, "point " + i + " is " + fromAxisAny + "° from an axis");
            double r = Math.hypot(x, y);
            assertTrue(r >= 0.5 - 1e-12 && r <= 1 + 1e-12);
        }
    }

    @Test
    void sectorsAlternate() {
        Dataset train = Datasets.generate(
                        DataSpec.defaults(DatasetKind.SECTORS).withSectors(6).withGapDegrees(0), 4)
                .train();
        for (int i = 0; i < train.n(); i++) {
            double angle = Math.atan2(train.x(i, 1), train.x(i, 0));
            if (angle < 0) {
                angle += 2 * Math.PI;
            }
            int sector = (int) Math.floor(angle / (Math.PI / 3));
            assertEquals(sector % 2 == 0 ? 1.0 : -1.0, train.y(i), "angle " + angle);
        }
    }

    @Test
    void halfPlaneMargin() {
        DataSpec spec =
                DataSpec.defaults(DatasetKind.HALF_PLANE).withMargin(0.4).withN(2000);
        Dataset train = Datasets.generate(spec, 6).train();
        double wx = Math.cos(Math.toRadians(30));
        double wy = Math.sin(Math.toRadians(30));
        assertBalanced(train);
        for (int i = 0; i < train.n(); i++) {
            double r = Math.hypot(train.x(i, 0), train.x(i, 1));
            double cos = (wx * train.x(i, 0) + wy * train.x(i, 1)) / r;
            assertEquals(Math.signum(cos), train.y(i));
            assertTrue(Math.abs(cos) >= 0.4 - 1e-12, "margin " + cos);
        }
    }

    @Test
    void randomLabelsAndRingsWithBias() {
        Dataset random = Datasets.generate(
                        DataSpec.defaults(DatasetKind.RANDOM_LABELS).withN(2000), 8)
                .train();
        assertInUnitBall(random);
        assertBalanced(random);
        Dataset rings =
                Datasets.generate(DataSpec.defaults(DatasetKind.RINGS), 8).train();
        assertEquals(3, rings.d());
        assertInUnitBall(rings);
        double c = 1 / Math.sqrt(2);
        for (int i = 0; i < rings.n(); i++) {
            assertEquals(c, rings.x(i, 2), 1e-16, "bias coordinate");
            double r = Math.hypot(rings.x(i, 0), rings.x(i, 1)) / c;
            assertEquals(rings.y(i) > 0 ? 0.35 : 0.8, r, 0.05 + 1e-12);
        }
    }

    @Test
    void streamsAreIndependent() {
        DataSpec spec = DataSpec.defaults(DatasetKind.PARITY).withN(50);
        DataSplit a = Datasets.generate(spec, 1);
        DataSplit b = Datasets.generate(spec.withNTest(10), 1);
        assertArrayEquals(a.train().copyX(), b.train().copyX(), 0);
        assertFalse(java.util.Arrays.equals(
                a.train().copyX(), Datasets.generate(spec, 2).train().copyX()));
        // The init seed does not touch the data.
        RunConfig cfg = RunConfig.defaults();
        assertArrayEquals(
                new Trainer(cfg).data().train().copyX(),
                new Trainer(cfg.withSeeds(cfg.dataSeed(), 99)).data().train().copyX(),
                0);
    }

    @Test
    void explicitPointsAreValidated() {
        assertEquals(
                "points[1][0] = NaN: allowed finite numbers",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Dataset.fromPoints(new double[][] {{0, 0}, {Double.NaN, 0}}, new double[] {1, -1
                                }))
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> Dataset.fromPoints(new double[][] {{0, 0}, {0.1}}, new double[] {1, -1}))
                .getMessage()
                .startsWith("points[1] has dimension 1"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> Dataset.fromPoints(new double[][] {{0, 0}, {0.1, 0}}, new double[] {1, 0}))
                .getMessage()
                .startsWith("labels[1] = 0.0"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> Dataset.fromPoints(new double[][] {{0, 0}, {0.1, 0}}, new double[] {1, 1}))
                .getMessage()
                .contains("at least one point of each label"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> Dataset.fromPoints(new double[][] {{0.9, 0.9}, {0.1, 0}}, new double[] {1, -1}))
                .getMessage()
                .contains("at most 1"));
        Dataset ok = Dataset.fromPoints(new double[][] {{0.5, 0}, {0, -0.5}}, new double[] {1, -1});
        Dataset more = ok.plus(new double[] {0.2, 0.2}, 1);
        assertEquals(3, more.n());
        assertEquals(2, more.nearest(new double[] {0.25, 0.2}));
        assertEquals(2, more.minus(0).n());
        assertEquals(-1.0, more.minus(0).y(0));
    }

    @Test
    void invalidSpecsNameTheField() {
        List<String> problems = DataSpec.defaults(DatasetKind.PARITY)
                .withD(1)
                .withN(0)
                .withLabelNoise(0.7)
                .validate()
                .messages();
        assertEquals(
                List.of(
                        "dataset.d = 1 is out of range: allowed 2 to 4096",
                        "dataset.n = 0 is out of range: allowed 1 to 1000000",
                        "dataset.labelNoise = 0.7 is out of range: allowed 0 to 0.5"),
                problems);
        assertTrue(DataSpec.defaults(DatasetKind.NEURAL_COLLAPSE)
                .withD(5)
                .withGroups(6)
                .validate()
                .messages()
                .get(0)
                .startsWith("dataset.groups = 6"));
    }
}
