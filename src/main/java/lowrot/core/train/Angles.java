package lowrot.core.train;

/** Angles between a neuron's direction now and at initialization, as the metrics and the snapshots measure them. */
public final class Angles {
    private Angles() {}

    /**
     * ∠(p, q) = 2·atan2(‖p̂ − q̂‖, ‖p̂ + q̂‖) (Kahan): accurate for tiny angles, where acos of the
     * cosine loses half the digits. A zero vector has no direction; its angle is taken as π/2.
     */
    public static double angle(double[] p, double[] q, int row, int d) {
        double pn = 0;
        double qn = 0;
        for (int k = 0; k < d; k++) {
            pn += p[row + k] * p[row + k];
            qn += q[row + k] * q[row + k];
        }
        if (pn == 0 || qn == 0) {
            return Math.PI / 2;
        }
        pn = Math.sqrt(pn);
        qn = Math.sqrt(qn);
        double diff = 0;
        double sum = 0;
        for (int k = 0; k < d; k++) {
            double pk = p[row + k] / pn;
            double qk = q[row + k] / qn;
            diff += (pk - qk) * (pk - qk);
            sum += (pk + qk) * (pk + qk);
        }
        return 2 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
    }

    /** With v_j = b_j u_j and u_j fixed, the direction can only keep its sign (0) or flip (π). */
    public static double frozenAngle(double b, double b0) {
        if (b == 0 || b0 == 0) {
            return Math.PI / 2;
        }
        return (b > 0) == (b0 > 0) ? 0.0 : Math.PI;
    }
}
