package lowrot.core.model;

import lowrot.core.util.Problems;

/**
 * Width and initialization of the two-layer network.
 *
 * @param width          m, the number of hidden neurons
 * @param outputScale    s
 * @param outerInit      distribution of a_j
 * @param innerScale     σ_v of v_j ~ N(0, σ_v² I)
 * @param initScale      α, multiplies both layers at initialization
 * @param symmetricPairs neurons j and j + m/2 share v and have opposite a, so f ≡ 0 at the start
 */
public record NetworkSpec(
        int width,
        OutputScale outputScale,
        OuterInit outerInit,
        InnerScale innerScale,
        double initScale,
        boolean symmetricPairs) {

    public static final int MAX_WIDTH = 1 << 20;

    public static NetworkSpec defaults() {
        return new NetworkSpec(64, OutputScale.INV_SQRT_M, OuterInit.SIGNS, InnerScale.ONE, 1.0, false);
    }

    public NetworkSpec withWidth(int m) {
        return new NetworkSpec(m, outputScale, outerInit, innerScale, initScale, symmetricPairs);
    }

    public NetworkSpec withOutputScale(OutputScale s) {
        return new NetworkSpec(width, s, outerInit, innerScale, initScale, symmetricPairs);
    }

    public NetworkSpec withOuterInit(OuterInit value) {
        return new NetworkSpec(width, outputScale, value, innerScale, initScale, symmetricPairs);
    }

    public NetworkSpec withInnerScale(InnerScale value) {
        return new NetworkSpec(width, outputScale, outerInit, value, initScale, symmetricPairs);
    }

    public NetworkSpec withInitScale(double alpha) {
        return new NetworkSpec(width, outputScale, outerInit, innerScale, alpha, symmetricPairs);
    }

    public NetworkSpec withSymmetricPairs(boolean value) {
        return new NetworkSpec(width, outputScale, outerInit, innerScale, initScale, value);
    }

    /** Every problem, naming the field and the allowed range. */
    public Problems validate() {
        Problems p = new Problems();
        p.range("network.width", width, 1, MAX_WIDTH);
        p.require(outputScale != null, "network.outputScale is missing");
        p.require(outerInit != null, "network.outerInit is missing");
        p.require(innerScale != null, "network.innerScale is missing");
        p.rangeAbove("network.initScale", initScale, 0.0, 1000.0);
        p.require(
                !symmetricPairs || width % 2 == 0,
                "network.width = " + width + " must be even with network.symmetricPairs = true");
        return p;
    }
}
