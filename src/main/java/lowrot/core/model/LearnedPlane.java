package lowrot.core.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The plane a network selected: the top two principal directions of its neuron directions v̂_j weighted
 * by |a_j|‖v_j‖, i.e. the top two right singular vectors of Z with rows √(|a_j|‖v_j‖) v̂_j (so that
 * ZᵀZ = Σ_j |a_j|‖v_j‖ v̂_j v̂_jᵀ), by EJML's SVD of the d × d matrix ZᵀZ.
 *
 * @param first    unit vector of the larger principal direction (sign: its largest entry is positive)
 * @param second   unit vector of the next one, orthogonal to {@code first}
 * @param overlap  ‖Π_{e₁,e₂} first‖² + ‖Π_{e₁,e₂} second‖² over 2: 1 when the plane is the e₁–e₂ plane,
 *                 0 when orthogonal to it
 * @param share    fraction of the weight Σ_j |a_j|‖v_j‖ that the plane captures (σ₁² + σ₂²)/Σ σ_k²
 */
public record LearnedPlane(double[] first, double[] second, double overlap, double share) {
    /** The learned plane of a network of input dimension d ≥ 2. */
    public static LearnedPlane of(Network net) {
        int d = net.dim();
        if (d < 2) {
            throw new IllegalArgumentException("a plane needs d ≥ 2, got " + d);
        }
        DMatrixRMaj scatter = new DMatrixRMaj(d, d);
        double[] v = net.copyV();
        for (int j = 0; j < net.width(); j++) {
            double norm2 = 0;
            for (int k = 0; k < d; k++) {
                norm2 += v[j * d + k] * v[j * d + k];
            }
            if (norm2 == 0) {
                continue;
            }
            // w_j v̂_j v̂_jᵀ = (|a_j| / ‖v_j‖) v_j v_jᵀ.
            double w = Math.abs(net.a(j)) / Math.sqrt(norm2);
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    scatter.data[p * d + q] += w * v[j * d + p] * v[j * d + q];
                }
            }
        }
        double trace = CommonOps_DDRM.trace(scatter);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(d, d, false, true, true);
        if (trace == 0 || !svd.decompose(scatter.copy())) {
            return new LearnedPlane(axis(d, 0), axis(d, 1), 1, 0);
        }
        double[] singular = svd.getSingularValues();
        DMatrixRMaj vt = svd.getV(null, true);
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) {
            order[k] = k;
        }
        // Descending singular values; ties by index, so the result does not depend on the library's order.
        java.util.Arrays.sort(
                order,
                (p, q) ->
                        singular[p] != singular[q] ? Double.compare(singular[q], singular[p]) : Integer.compare(p, q));
        double[] first = row(vt, order[0], d);
        double[] second = row(vt, order[1], d);
        double overlap =
                (first[0] * first[0] + first[1] * first[1] + second[0] * second[0] + second[1] * second[1]) / 2;
        // Singular values of ZᵀZ are the squares of those of Z: their sum is the trace.
        double share = (singular[order[0]] + singular[order[1]]) / trace;
        return new LearnedPlane(first, second, overlap, share);
    }

    private static double[] row(DMatrixRMaj vt, int r, int d) {
        double[] out = new double[d];
        int largest = 0;
        for (int k = 0; k < d; k++) {
            out[k] = vt.get(r, k);
            if (Math.abs(out[k]) > Math.abs(out[largest])) {
                largest = k;
            }
        }
        if (out[largest] < 0) {
            for (int k = 0; k < d; k++) {
                out[k] = -out[k];
            }
        }
        return out;
    }

    private static double[] axis(int d, int k) {
        double[] e = new double[d];
        e[k] = 1;
        return e;
    }
}
