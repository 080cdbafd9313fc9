package lowrot.run;

import lowrot.core.GlobalMarginResult;
import lowrot.core.NtkMarginResult;

/**
 * The reference margins of a run, each null until computed: the NTK margin of the data, the global
 * margin of the data (with its optimal network) and the no-rotation limit of the run's initial
 * directions.
 */
public record ReferenceMargins(NtkMarginResult ntk, GlobalMarginResult global, GlobalMarginResult noRotation) {
    /** None computed yet. */
    public static final ReferenceMargins NONE = new ReferenceMargins(null, null, null);

    public ReferenceMargins withNtk(NtkMarginResult value) {
        return new ReferenceMargins(value, global, noRotation);
    }

    public ReferenceMargins withGlobal(GlobalMarginResult value) {
        return new ReferenceMargins(ntk, value, noRotation);
    }

    public ReferenceMargins withNoRotation(GlobalMarginResult value) {
        return new ReferenceMargins(ntk, global, value);
    }
}
