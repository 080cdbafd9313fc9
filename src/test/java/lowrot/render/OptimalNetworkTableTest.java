package lowrot.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lowrot.core.data.Dataset;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.GlobalMarginSolver;
import lowrot.core.util.ProgressMonitor;
import org.junit.jupiter.api.Test;

/** The copyable table of the optimal network, read back and checked against the network it came from. */
class OptimalNetworkTableTest {
    @Test
    void everyRowReadsBackAsAnAtomOfTheNetworkAndTheWeightsSumToOne() {
        // Four centres in the plane, antipodes sharing a label: four atoms on the centres, weights ±¼.
        GlobalMarginResult g = GlobalMarginSolver.solve(
                Dataset.fromPoints(new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}, new double[] {1, 1, -1, -1}),
                GlobalMarginSolver.Options.defaults(),
                ProgressMonitor.NONE);
        List<String> lines = List.of(OptimalNetworkTable.of(g).split("\\R"));
        assertTrue(lines.get(0).startsWith("γ_gl ∈ [0.25"), lines.get(0));
        assertEquals(
                List.of("atom", "weight w_k", "u_1", "u_2"),
                List.of(lines.get(2).split("\\s*\t")).stream().map(String::trim).toList());
        double total = 0;
        double previous = Double.POSITIVE_INFINITY;
        for (String row : lines.subList(3, lines.size())) {
            if (row.startsWith("(")) {
                continue;
            }
            String[] cells = row.split("\t");
            double w = Double.parseDouble(cells[1]);
            double u1 = Double.parseDouble(cells[2]);
            double u2 = Double.parseDouble(cells[3]);
            assertTrue(Math.abs(w) <= previous + 1e-12, "heaviest first");
            previous = Math.abs(w);
            total += Math.abs(w);
            boolean found = false;
            for (int k = 0; k < g.neurons(); k++) {
                found |= Math.abs(g.weight(k) - w) < 1e-8
                        && Math.abs(g.direction(k, 0) - u1) < 1e-8
                        && Math.abs(g.direction(k, 1) - u2) < 1e-8;
            }
            assertTrue(found, row);
            assertEquals(0.25, Math.abs(w), 1e-6, row);
        }
        assertEquals(1, total, 1e-6);
    }
}
