package lowrot.core.model;

/**
 * The loss ℓ applied to a signed output z = y·f(x), with value and derivative evaluated stably.
 *
 * <p>Besides ℓ and ℓ', each loss gives ln ℓ(z) and ln(−ℓ'(z)), which are finite for every finite z.
 * Loss-normalised steps use only these logarithms, so they stay finite where ℓ itself would
 * overflow or underflow.
 */
public enum Loss {
    /** ℓ(z) = ln(1 + e^{−z}). */
    LOGISTIC("logistic") {
        @Override
        public double value(double z) {
            return softplus(-z);
        }

        @Override
        public double derivative(double z) {
            // ℓ'(z) = −1 / (1 + e^z), written so that exp never overflows.
            if (z >= 0) {
                double e = Math.exp(-z);
                return -e / (1.0 + e);
            }
            return -1.0 / (1.0 + Math.exp(z));
        }

        @Override
        public double logValue(double z) {
            // ln ln(1 + e^{−z}); for large z, ln(1 + t) with t = e^{−z} underflowing is ≈ t, so ln = −z.
            if (z > 700) {
                return -z;
            }
            return Math.log(softplus(-z));
        }

        @Override
        public double logNegDerivative(double z) {
            return -softplus(z);
        }
    },
    /** ℓ(z) = e^{−z}. */
    EXPONENTIAL("exponential") {
        @Override
        public double value(double z) {
            return Math.exp(-z);
        }

        @Override
        public double derivative(double z) {
            return -Math.exp(-z);
        }

        @Override
        public double logValue(double z) {
            return -z;
        }

        @Override
        public double logNegDerivative(double z) {
            return -z;
        }
    };

    private final String label;

    Loss(String label) {
        this.label = label;
    }

    /** ℓ(z). For the exponential loss this is +∞ where e^{−z} exceeds the double range (z &lt; −709.78). */
    public abstract double value(double z);

    /** ℓ'(z) (always ≤ 0). */
    public abstract double derivative(double z);

    /** ln ℓ(z), finite for all finite z. */
    public abstract double logValue(double z);

    /** ln(−ℓ'(z)), finite for all finite z. */
    public abstract double logNegDerivative(double z);

    /** Short lowercase name for display. */
    public String label() {
        return label;
    }

    /** ln(1 + e^u) without overflow or loss of precision. */
    static double softplus(double u) {
        if (u > 0) {
            return u + Math.log1p(Math.exp(-u));
        }
        return Math.log1p(Math.exp(u));
    }
}
