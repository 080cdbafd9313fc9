package lowrot.core.margin;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.data.Datasets;
import lowrot.core.util.ProgressMonitor;
import org.junit.jupiter.api.Test;

/** A margin above the certified upper bound of γ_gl is reported as a bug; one at or below it is not. */
class ReferenceMarginsTest {
    @Test
    void aMarginAboveTheCertifiedBoundIsABug() {
        var data = Datasets.generate(DataSpec.defaults(DatasetKind.QUADRANTS).withN(60), 1)
                .train();
        GlobalMarginResult global =
                GlobalMarginSolver.solve(data, GlobalMarginSolver.Options.defaults(), ProgressMonitor.NONE);
        ReferenceMargins refs = ReferenceMargins.NONE.withGlobal(global);
        assertNull(ReferenceMargins.NONE.violation(1e9), "no bound, no verdict");
        assertNull(refs.violation(global.lower()));
        assertNull(refs.violation(global.upper()));
        String bug = refs.violation(global.upper() * 1.001);
        assertTrue(bug != null && bug.startsWith("BUG: the network's path-norm margin"), bug);
    }
}
