package lowrot.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import lowrot.core.experiment.ComplexityAnalysis;
import lowrot.core.experiment.ComplexitySettings;
import lowrot.core.experiment.SampleComplexity;
import lowrot.io.ComplexityCsv;

/**
 * The sample-complexity results shipped with lowrot for the tour's last stop: the complexity.csv that
 * {@code lowrot complexity} writes with its default plan (docs/experiments.md), analysed as the Experiments window
 * analyses a finished run — n needed per learner, d and seed at the default ε, and each learner's fitted n ∝ d^k.
 *
 * @param cells     every cell of the shipped file
 * @param epsilon   the target test error the default plan uses
 * @param needed    n needed per chain
 * @param exponents each learner's fitted exponent with its bootstrap interval
 */
record ShippedComplexity(
        List<SampleComplexity.Cell> cells,
        double epsilon,
        List<ComplexityAnalysis.Needed> needed,
        List<ComplexityAnalysis.Exponent> exponents) {
    /** Where the shipped complexity.csv lives on the class path. */
    static final String RESOURCE = "/lowrot/tour/complexity.csv";

    /** Reads and analyses the shipped file (a fraction of a second: run it off the FX thread). */
    static ShippedComplexity load() throws IOException {
        String text;
        try (InputStream in = ShippedComplexity.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from this build");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return of(ComplexityCsv.parseAll(text), ComplexitySettings.defaults().epsilon());
    }

    static ShippedComplexity of(List<SampleComplexity.Cell> cells, double epsilon) {
        List<ComplexityAnalysis.Needed> needed = ComplexityAnalysis.needed(cells, epsilon);
        return new ShippedComplexity(cells, epsilon, needed, ComplexityAnalysis.exponents(needed));
    }

    /** The dimensions d of the file, in order. */
    TreeSet<Integer> dims() {
        TreeSet<Integer> d = new TreeSet<>();
        cells.forEach(c -> d.add(c.d()));
        return d;
    }

    /** The number of seeds per (learner, d). */
    int seeds() {
        return (int)
                cells.stream().mapToLong(SampleComplexity.Cell::seed).distinct().count();
    }
}
