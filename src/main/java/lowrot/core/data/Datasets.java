package lowrot.core.data;

import lowrot.core.util.Rng;

/**
 * Generates the data sets of {@link DataSpec}. Training points, test points and label noise use
 * three independent streams of the data seed, so changing n_test leaves the training set as it is.
 */
public final class Datasets {
    private static final long TRAIN_STREAM = 1;
    private static final long TEST_STREAM = 2;
    private static final long NOISE_STREAM = 3;
    private static final double RING_INNER = 0.35;
    private static final double RING_OUTER = 0.8;

    private Datasets() {}

    /**
     * Draws the training and test sets.
     *
     * @throws IllegalArgumentException listing every problem of the spec
     */
    public static DataSplit generate(DataSpec spec, long seed) {
        spec.validate().throwIfAny();
        if (spec.kind() == DatasetKind.POINTS) {
            Dataset pts = spec.points();
            return new DataSplit(pts, Dataset.empty(DatasetKind.POINTS, pts.d()));
        }
        double[] centres = centres(spec);
        Dataset train = draw(spec, spec.n(), Rng.stream(seed, TRAIN_STREAM), centres);
        Dataset test = draw(spec, spec.nTest(), Rng.stream(seed, TEST_STREAM), centres);
        if (spec.labelNoise() > 0) {
            train = flipLabels(train, spec.labelNoise(), Rng.stream(seed, NOISE_STREAM));
        }
        return new DataSplit(train, test);
    }

    /**
     * Group centres of a neural-collapse spec in the raw (pre-bias) space: evenly spaced on the
     * circle when d = 2, the first r standard basis vectors otherwise. Null for other kinds.
     */
    static double[] centres(DataSpec spec) {
        if (spec.kind() != DatasetKind.NEURAL_COLLAPSE) {
            return null;
        }
        int r = spec.groups();
        int d = spec.d();
        double[] mu = new double[r * d];
        for (int k = 0; k < r; k++) {
            if (d == 2) {
                double angle = 2 * Math.PI * k / r;
                mu[k * d] = Math.cos(angle);
                mu[k * d + 1] = Math.sin(angle);
            } else {
                mu[k * d + k] = 1.0;
            }
        }
        return mu;
    }

    /** Label of group k: given, or alternating +1, −1, … */
    static double groupLabel(DataSpec spec, int k) {
        if (!spec.groupLabels().isEmpty()) {
            return spec.groupLabels().get(k);
        }
        return k % 2 == 0 ? 1.0 : -1.0;
    }

    private static Dataset draw(DataSpec spec, int count, Rng rng, double[] centres) {
        int d = spec.d();
        double[] x = new double[count * d];
        double[] y = new double[count];
        double[] p = new double[d];
        for (int i = 0; i < count; i++) {
            y[i] = drawPoint(spec, i, rng, centres, p);
            System.arraycopy(p, 0, x, i * d, d);
        }
        double[] outCentres = centres == null ? null : centres.clone();
        if (spec.bias() > 0) {
            x = appendBias(x, count, d, spec.bias());
            outCentres = outCentres == null ? null : appendBias(outCentres, outCentres.length / d, d, spec.bias());
            d += 1;
        }
        return new Dataset(spec.kind(), d, x, y, outCentres);
    }

    /** Writes point i into p and returns its label. */
    private static double drawPoint(DataSpec spec, int i, Rng rng, double[] centres, double[] p) {
        switch (spec.kind()) {
            case PARITY -> {
                double scale = 1.0 / Math.sqrt(spec.d());
                for (int k = 0; k < p.length; k++) {
                    p[k] = rng.nextSign() * scale;
                }
                return p[0] * p[1] > 0 ? 1.0 : -1.0;
            }
            case NEURAL_COLLAPSE -> {
                int group = i % spec.groups();
                drawInBall(rng, spec.spread(), p);
                double norm2 = 0;
                for (int k = 0; k < p.length; k++) {
                    p[k] += centres[group * p.length + k];
                    norm2 += p[k] * p[k];
                }
                if (norm2 > 1) {
                    // Projecting onto the unit ball cannot move a point farther from its unit centre.
                    double inv = 1.0 / Math.sqrt(norm2);
                    for (int k = 0; k < p.length; k++) {
                        p[k] *= inv;
                    }
                }
                return groupLabel(spec, group);
            }
            case QUADRANTS -> {
                return drawSector(rng, 4, Math.toRadians(spec.gapDegrees()), spec.radiusMin(), p);
            }
            case SECTORS -> {
                return drawSector(rng, spec.sectors(), Math.toRadians(spec.gapDegrees()), spec.radiusMin(), p);
            }
            case HALF_PLANE -> {
                double halfWidth = Math.acos(spec.margin());
                boolean positive = rng.nextDouble() < 0.5;
                double angle = Math.toRadians(spec.normalDegrees())
                        + (positive ? 0 : Math.PI)
                        + (2 * rng.nextDouble() - 1) * halfWidth;
                polar(angle, radius(rng, spec.radiusMin()), p);
                return positive ? 1.0 : -1.0;
            }
            case RANDOM_LABELS -> {
                polar(2 * Math.PI * rng.nextDouble(), radius(rng, spec.radiusMin()), p);
                return rng.nextSign();
            }
            case RINGS -> {
                boolean inner = rng.nextDouble() < 0.5;
                double r = (inner ? RING_INNER : RING_OUTER) + spec.spread() * (rng.nextDouble() - 0.5);
                polar(2 * Math.PI * rng.nextDouble(), Math.min(1.0, r), p);
                return inner ? 1.0 : -1.0;
            }
            default -> throw new IllegalStateException("no generator for " + spec.kind());
        }
    }

    /** Uniform direction within an alternating sector, outside the gap at its edges; label +1 on even sectors. */
    private static double drawSector(Rng rng, int k, double gap, double radiusMin, double[] p) {
        double width = 2 * Math.PI / k;
        int sector = rng.nextInt(k);
        double angle = sector * width + gap + rng.nextDouble() * (width - 2 * gap);
        polar(angle, radius(rng, radiusMin), p);
        return sector % 2 == 0 ? 1.0 : -1.0;
    }

    private static double radius(Rng rng, double radiusMin) {
        return radiusMin + (1 - radiusMin) * rng.nextDouble();
    }

    private static void polar(double angle, double r, double[] p) {
        p[0] = r * Math.cos(angle);
        p[1] = r * Math.sin(angle);
    }

    /** Uniform in the ball of radius rho (direction Gaussian, radius rho·U^{1/d}). */
    private static void drawInBall(Rng rng, double rho, double[] p) {
        double norm2 = 0;
        do {
            norm2 = 0;
            for (int k = 0; k < p.length; k++) {
                p[k] = rng.nextGaussian();
                norm2 += p[k] * p[k];
            }
        } while (norm2 == 0);
        double r = rho * Math.pow(rng.nextDouble(), 1.0 / p.length) / Math.sqrt(norm2);
        for (int k = 0; k < p.length; k++) {
            p[k] *= r;
        }
    }

    /** (x, c) / √(1 + c²): an affine function of x becomes a linear one of the new point. */
    private static double[] appendBias(double[] x, int count, int d, double c) {
        double inv = 1.0 / Math.sqrt(1 + c * c);
        double[] out = new double[count * (d + 1)];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < d; k++) {
                out[i * (d + 1) + k] = x[i * d + k] * inv;
            }
            out[i * (d + 1) + d] = c * inv;
        }
        return out;
    }

    private static Dataset flipLabels(Dataset data, double rate, Rng rng) {
        double[] y = data.copyY();
        for (int i = 0; i < y.length; i++) {
            if (rng.nextDouble() < rate) {
                y[i] = -y[i];
            }
        }
        return new Dataset(data.kind(), data.d(), data.copyX(), y, data.centreCount() == 0 ? null : data.copyCentres());
    }
}
