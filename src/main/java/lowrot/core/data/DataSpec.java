package lowrot.core.data;

import java.util.List;
import java.util.function.Consumer;
import lowrot.core.util.Problems;

/**
 * Everything that determines a data set, apart from its seed. Angles are in degrees because users
 * type them; the generator converts.
 *
 * @param kind        the family
 * @param d           input dimension before the bias coordinate (planar kinds: 2)
 * @param n           training points
 * @param nTest       held-out test points drawn from the same distribution
 * @param labelNoise  probability that a training label is flipped (the test set stays clean)
 * @param groups      number of groups r (neural collapse)
 * @param spread      radius ρ of each group around its centre (neural collapse), radial jitter (rings)
 * @param groupLabels label of each group (±1); empty means alternating +1, −1, +1, …
 * @param gapDegrees  angular gap kept free around each label boundary (quadrants, sectors)
 * @param sectors     number of alternating sectors k
 * @param margin      half-plane: minimum |⟨w, x/‖x‖⟩| of every point, in [0, 1)
 * @param normalDegrees half-plane: angle of the unit normal w
 * @param radiusMin   planar kinds: point radii are uniform in [radiusMin, 1]
 * @param bias        0 for none; c > 0 appends the constant coordinate c and divides every point by √(1 + c²)
 * @param points      the explicit points when kind = POINTS, otherwise null
 */
public record DataSpec(
        DatasetKind kind,
        int d,
        int n,
        int nTest,
        double labelNoise,
        int groups,
        double spread,
        List<Integer> groupLabels,
        double gapDegrees,
        int sectors,
        double margin,
        double normalDegrees,
        double radiusMin,
        double bias,
        Dataset points) {

    public static final int MAX_D = 4096;
    public static final int MAX_N = 1_000_000;

    public DataSpec {
        groupLabels = groupLabels == null ? List.of() : List.copyOf(groupLabels);
    }

    /** Sensible defaults for a family. */
    public static DataSpec defaults(DatasetKind kind) {
        int d = kind.planar() ? 2 : (kind == DatasetKind.PARITY ? 10 : 2);
        double bias = kind == DatasetKind.RINGS ? 1.0 : 0.0;
        double spread = kind == DatasetKind.RINGS ? 0.1 : 0.15;
        return new DataSpec(kind, d, 200, 1000, 0.0, 4, spread, List.of(), 10.0, 8, 0.2, 30.0, 0.5, bias, null);
    }

    /** This spec with kind replaced. */
    public DataSpec withKind(DatasetKind value) {
        return with(f -> f.kind = value);
    }

    /** This spec with d replaced. */
    public DataSpec withD(int value) {
        return with(f -> f.d = value);
    }

    /** This spec with n replaced. */
    public DataSpec withN(int value) {
        return with(f -> f.n = value);
    }

    /** This spec with nTest replaced. */
    public DataSpec withNTest(int value) {
        return with(f -> f.nTest = value);
    }

    /** This spec with labelNoise replaced. */
    public DataSpec withLabelNoise(double value) {
        return with(f -> f.labelNoise = value);
    }

    /** This spec with groups replaced. */
    public DataSpec withGroups(int value) {
        return with(f -> f.groups = value);
    }

    /** This spec with spread replaced. */
    public DataSpec withSpread(double value) {
        return with(f -> f.spread = value);
    }

    /** This spec with groupLabels replaced. */
    public DataSpec withGroupLabels(List<Integer> value) {
        return with(f -> f.groupLabels = value);
    }

    /** This spec with gapDegrees replaced. */
    public DataSpec withGapDegrees(double value) {
        return with(f -> f.gapDegrees = value);
    }

    /** This spec with sectors replaced. */
    public DataSpec withSectors(int value) {
        return with(f -> f.sectors = value);
    }

    /** This spec with margin replaced. */
    public DataSpec withMargin(double value) {
        return with(f -> f.margin = value);
    }

    /** This spec with normalDegrees replaced. */
    public DataSpec withNormalDegrees(double value) {
        return with(f -> f.normalDegrees = value);
    }

    /** This spec with points replaced. */
    public DataSpec withPoints(Dataset value) {
        return with(f -> f.points = value);
    }

    /** This spec with radiusMin replaced. */
    public DataSpec withRadiusMin(double value) {
        return with(f -> f.radiusMin = value);
    }

    /** This spec with bias replaced. */
    public DataSpec withBias(double value) {
        return with(f -> f.bias = value);
    }

    private DataSpec with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.spec();
    }

    /** The record's components as mutable fields: one copy, one change, one new spec. */
    private static final class Fields {
        DatasetKind kind;
        int d;
        int n;
        int nTest;
        double labelNoise;
        int groups;
        double spread;
        List<Integer> groupLabels;
        double gapDegrees;
        int sectors;
        double margin;
        double normalDegrees;
        double radiusMin;
        double bias;
        Dataset points;

        Fields(DataSpec s) {
            kind = s.kind;
            d = s.d;
            n = s.n;
            nTest = s.nTest;
            labelNoise = s.labelNoise;
            groups = s.groups;
            spread = s.spread;
            groupLabels = s.groupLabels;
            gapDegrees = s.gapDegrees;
            sectors = s.sectors;
            margin = s.margin;
            normalDegrees = s.normalDegrees;
            radiusMin = s.radiusMin;
            bias = s.bias;
            points = s.points;
        }

        DataSpec spec() {
            return new DataSpec(
                    kind,
                    d,
                    n,
                    nTest,
                    labelNoise,
                    groups,
                    spread,
                    groupLabels,
                    gapDegrees,
                    sectors,
                    margin,
                    normalDegrees,
                    radiusMin,
                    bias,
                    points);
        }
    }

    /** Input dimension of the network: d, plus one with the bias coordinate. */
    public int inputDimension() {
        int base = kind == DatasetKind.POINTS && points != null ? points.d() : d;
        return kind == DatasetKind.POINTS ? base : base + (bias > 0 ? 1 : 0);
    }

    /** Every problem with this spec, each naming its field and allowed range. */
    public Problems validate() {
        Problems p = new Problems();
        if (kind == null) {
            return p.require(
                    false, "dataset.kind is missing: allowed " + java.util.Arrays.toString(DatasetKind.values()));
        }
        if (kind == DatasetKind.POINTS) {
            return p.require(points != null, "dataset.points is missing: kind POINTS needs explicit points");
        }
        if (kind.planar()) {
            p.require(d == 2, "dataset.d = " + d + " is out of range: allowed 2 for " + kind.label());
        } else {
            p.range("dataset.d", d, 2, MAX_D);
        }
        p.range("dataset.n", n, 1, MAX_N);
        p.range("dataset.nTest", nTest, 0, MAX_N);
        p.range("dataset.labelNoise", labelNoise, 0.0, 0.5);
        p.rangeBelow("dataset.bias", bias, 0.0, 100.0);
        switch (kind) {
            case NEURAL_COLLAPSE -> {
                int maxGroups = d == 2 ? 64 : d;
                p.range("dataset.groups", groups, 1, maxGroups);
                p.range("dataset.spread", spread, 0.0, 1.0);
                if (!groupLabels.isEmpty()) {
                    p.require(
                            groupLabels.size() == groups,
                            "dataset.groupLabels has " + groupLabels.size() + " labels: allowed exactly one per group ("
                                    + groups + ")");
                    for (int i = 0; i < groupLabels.size(); i++) {
                        Integer label = groupLabels.get(i);
                        p.require(
                                label != null && (label == 1 || label == -1),
                                "dataset.groupLabels[" + i + "] = " + label + " is out of range: allowed -1 or 1");
                    }
                }
            }
            case QUADRANTS -> {
                p.rangeBelow("dataset.gapDegrees", gapDegrees, 0.0, 45.0);
                p.range("dataset.radiusMin", radiusMin, 0.01, 1.0);
            }
            case SECTORS -> {
                p.range("dataset.sectors", sectors, 2, 64);
                if (sectors >= 2 && sectors <= 64) {
                    p.rangeBelow("dataset.gapDegrees", gapDegrees, 0.0, 180.0 / sectors);
                }
                p.range("dataset.radiusMin", radiusMin, 0.01, 1.0);
            }
            case HALF_PLANE -> {
                p.rangeBelow("dataset.margin", margin, 0.0, 0.99);
                p.range("dataset.normalDegrees", normalDegrees, -360.0, 360.0);
                p.range("dataset.radiusMin", radiusMin, 0.01, 1.0);
            }
            case RANDOM_LABELS -> {
                p.range("dataset.radiusMin", radiusMin, 0.01, 1.0);
                p.range("dataset.n", n, 2, MAX_N);
            }
            case RINGS -> p.range("dataset.spread", spread, 0.0, 0.3);
            default -> {}
        }
        return p;
    }
}
