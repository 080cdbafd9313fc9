package lowrot.core.experiment;

import lowrot.core.data.Dataset;
import lowrot.core.margin.KernelMarginResult;
import lowrot.core.margin.SimplexQuadratic;
import lowrot.core.margin.TangentKernel;
import lowrot.core.model.RunConfig;
import lowrot.core.util.ProgressMonitor;

/**
 * The NTK kernel predictor: the hard-margin classifier of the infinite-width tangent kernel
 * ({@link TangentKernel.Limit}, closed form, no sampling) on a training set, x ↦ Σ_i q_i y_i K(x_i, x) with q
 * the minimizer of qᵀGq on the simplex — the limit, as the loss goes to zero, of gradient flow on the
 * logistic loss with that kernel, and so what a network trained near initialization approaches as its width
 * grows.
 */
public final class KernelPredictor {
    /** Relative Frank–Wolfe gap at which the dual solve stops. */
    public static final double TOLERANCE = 1e-3;
    /** Iteration cap of the dual solve: a count, never a clock. */
    public static final int MAX_ITERATIONS = 20_000;

    private final TangentKernel.Limit kernel;
    private final double[][] support;
    private final double[] supportNorms;
    private final double[] coefficients;
    private final KernelMarginResult margin;

    private KernelPredictor(
            TangentKernel.Limit kernel,
            double[][] support,
            double[] supportNorms,
            double[] coefficients,
            KernelMarginResult margin) {
        this.kernel = kernel;
        this.support = support;
        this.supportNorms = supportNorms;
        this.coefficients = coefficients;
        this.margin = margin;
    }

    /** Fits the predictor of a config's closed-form kernel on a training set. */
    public static KernelPredictor fit(RunConfig config, Dataset train, ProgressMonitor monitor) {
        int n = train.n();
        TangentKernel.Limit kernel = TangentKernel.Limit.of(config, train.d());
        double[][] points = new double[n][];
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            points[i] = train.point(i);
            norms[i] = TangentKernel.norm(points[i]);
        }
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = train.y(i) * train.y(j) * kernel.value(points[i], norms[i], points[j], norms[j]);
                g[i * n + j] = v;
                g[j * n + i] = v;
            }
        }
        monitor.checkCancelled();
        SimplexQuadratic.Solution solution = SimplexQuadratic.minimize(g, n, TOLERANCE, MAX_ITERATIONS);
        int count = 0;
        for (double q : solution.q()) {
            if (q > 0) {
                count++;
            }
        }
        double[][] support = new double[count][];
        double[] supportNorms = new double[count];
        double[] coefficients = new double[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (solution.q()[i] > 0) {
                support[k] = points[i];
                supportNorms[k] = norms[i];
                coefficients[k] = solution.q()[i] * train.y(i);
                k++;
            }
        }
        return new KernelPredictor(kernel, support, supportNorms, coefficients, solution.margin());
    }

    /** Σ_i q_i y_i K(x_i, x), summed over the support points in training order. */
    public double output(double[] x) {
        double norm = TangentKernel.norm(x);
        double sum = 0;
        for (int i = 0; i < support.length; i++) {
            sum += coefficients[i] * kernel.value(support[i], supportNorms[i], x, norm);
        }
        return sum;
    }

    /** Fraction of a data set the predictor's sign gets wrong (an output of 0 counts as wrong). */
    public double error(Dataset data) {
        int wrong = 0;
        for (int i = 0; i < data.n(); i++) {
            if (!(data.y(i) * output(data.point(i)) > 0)) {
                wrong++;
            }
        }
        return data.n() == 0 ? 0 : (double) wrong / data.n();
    }

    /** The kernel's ℓ₂ margin on the training set, with its bounds and the iterations taken. */
    public KernelMarginResult margin() {
        return margin;
    }
}
