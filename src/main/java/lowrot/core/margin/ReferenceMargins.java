package lowrot.core.margin;

/**
 * The reference margins of a run, each null until computed: the NTK margin of the data, the global
 * margin of the data (with its optimal network), the no-rotation limit of the run's initial
 * directions, and the tangent-kernel ℓ₂ ceiling of the run's initial network (kernel units).
 */
public record ReferenceMargins(
        NtkMarginResult ntk, GlobalMarginResult global, GlobalMarginResult noRotation, KernelCeiling kernel) {
    /** None computed yet. */
    public static final ReferenceMargins NONE = new ReferenceMargins(null, null, null, null);

    public ReferenceMargins withNtk(NtkMarginResult value) {
        return new ReferenceMargins(value, global, noRotation, kernel);
    }

    public ReferenceMargins withGlobal(GlobalMarginResult value) {
        return new ReferenceMargins(ntk, value, noRotation, kernel);
    }

    public ReferenceMargins withNoRotation(GlobalMarginResult value) {
        return new ReferenceMargins(ntk, global, value, kernel);
    }

    public ReferenceMargins withKernel(KernelCeiling value) {
        return new ReferenceMargins(ntk, global, noRotation, value);
    }

    /**
     * A bug report when a network's path-norm margin exceeds the certified upper bound of γ_gl — which no
     * network of any width can do, so it means a wrong solver or a wrong margin — else null. The slack
     * 1e−9 relative covers rounding in the two computations.
     */
    public String violation(double marginPath) {
        if (global == null
                || !global.upperCertified()
                || !(marginPath > global.upper() + 1e-9 * Math.abs(global.upper()))) {
            return null;
        }
        return String.format(
                "BUG: the network's path-norm margin γ_P = %.9g exceeds the certified upper bound "
                        + "%.9g of the global margin, which is impossible; please report it with the config",
                marginPath, global.upper());
    }
}
