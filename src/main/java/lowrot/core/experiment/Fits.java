package lowrot.core.experiment;

/**
 * Least-squares fits on log–log axes: y ≈ C·x^slope, with the slope's standard error and a 95 %
 * confidence interval (Student t with n − 2 degrees of freedom).
 */
public final class Fits {
    /** A fitted power law. */
    public record PowerLaw(
            double slope, double intercept, double standardError, double lower95, double upper95, int n) {
        /** C·x^slope. */
        public double at(double x) {
            return Math.exp(intercept) * Math.pow(x, slope);
        }
    }

    private Fits() {}

    /** Fits ln y = intercept + slope·ln x; needs at least 3 points with x, y > 0. */
    public static PowerLaw powerLaw(double[] x, double[] y) {
        if (x.length != y.length || x.length < 3) {
            throw new IllegalArgumentException(
                    "fit: need at least 3 points (x, y), got " + Math.min(x.length, y.length));
        }
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0) || !(y[i] > 0)) {
                throw new IllegalArgumentException(
                        "fit: point " + i + " = (" + x[i] + ", " + y[i] + "): allowed only x, y > 0");
            }
            mx += Math.log(x[i]);
            my += Math.log(y[i]);
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(y[i]) - my);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("fit: all x are equal");
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = Math.log(y[i]) - intercept - slope * Math.log(x[i]);
            rss += r * r;
        }
        double se = Math.sqrt(rss / (n - 2) / sxx);
        double t = tQuantile975(n - 2);
        return new PowerLaw(slope, intercept, se, slope - t * se, slope + t * se, n);
    }

    /** The 97.5 % quantile of Student's t with k degrees of freedom (exact table to 30, then a series). */
    static double tQuantile975(int k) {
        double[] table = {
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
            2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
        };
        if (k >= 1 && k <= table.length) {
            return table[k - 1];
        }
        // Cornish–Fisher expansion around the normal quantile 1.959964.
        double z = 1.959964;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        return z + (z3 + z) / (4.0 * k) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * k * k);
    }
}
