package lowrot.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.data.Datasets;
import lowrot.core.util.ProgressMonitor;
import org.junit.jupiter.api.Test;

/**
 * The bounds the solvers report on the way: each proven (never beyond the final result's), tightening monotonically,
 * and the final result the same bits whether anyone listened or not.
 */
class InterimBoundsTest {
    private static Dataset parity(int d, int n) {
        return Datasets.generate(
                        DataSpec.defaults(DatasetKind.PARITY).withD(d).withN(n).withNTest(0), 3)
                .train();
    }

    @Test
    void theGlobalMarginsIntervalTightensOnTheWayAndEndsTheSame() {
        Dataset data = parity(5, 120);
        GlobalMarginSolver.Options options = GlobalMarginSolver.Options.defaults();
        List<GlobalMarginResult> seen = new ArrayList<>();
        GlobalMarginResult last =
                GlobalMarginSolver.solve(data, options, new double[0], ProgressMonitor.NONE, seen::add);
        GlobalMarginResult quiet = GlobalMarginSolver.solve(data, options, ProgressMonitor.NONE);
        assertEquals(quiet.lower(), last.lower(), 0.0);
        assertEquals(quiet.upper(), last.upper(), 0.0);
        assertFalse(last.interim());
        assertFalse(seen.isEmpty(), "at least one report on the way");
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        for (GlobalMarginResult r : seen) {
            assertTrue(r.interim(), r.toString());
            assertTrue(r.lower() >= lower && r.upper() <= upper, "monotone: " + r);
            assertTrue(r.lower() <= last.upper() + 1e-12 && r.upper() >= last.lower() - 1e-12, r + " vs " + last);
            lower = r.lower();
            upper = r.upper();
        }
        assertTrue(seen.get(seen.size() - 1).upperStatus().contains("tightening")
                || !seen.get(seen.size() - 1).upperCertified());
    }

    @Test
    void theNtkMarginsIntervalTightensOnTheWayAndEndsTheSame() {
        Dataset data = parity(6, 200);
        NtkMarginSolver.Options options =
                NtkMarginSolver.Options.defaults().withDirections(512).withTolerance(1e-5);
        List<NtkMarginResult> seen = new ArrayList<>();
        NtkMarginResult last = NtkMarginSolver.solve(data, options, ProgressMonitor.NONE, seen::add);
        NtkMarginResult quiet = NtkMarginSolver.solve(data, options, ProgressMonitor.NONE);
        assertEquals(quiet.lower(), last.lower(), 0.0);
        assertEquals(quiet.upper(), last.upper(), 0.0);
        assertFalse(seen.isEmpty(), "at least one report on the way");
        double lower = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        for (NtkMarginResult r : seen) {
            assertTrue(r.interim());
            assertTrue(r.lower() >= lower && r.upper() <= upper, "monotone");
            assertTrue(r.lower() <= last.upper() + 1e-12 && r.upper() >= last.lower() - 1e-12);
            lower = r.lower();
            upper = r.upper();
        }
    }
}
