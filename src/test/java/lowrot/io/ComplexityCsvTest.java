package lowrot.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import lowrot.core.experiment.Learner;
import lowrot.core.experiment.SampleComplexity;
import org.junit.jupiter.api.Test;

/** complexity.csv rows read back as written, certificates with commas included; the tour's shipped file reads. */
class ComplexityCsvTest {
    @Test
    void aRowReadsBackBitForBitEvenWhenItsCertificateHoldsACommaAsTheOldParserCouldNot() {
        SampleComplexity.Cell c = new SampleComplexity.Cell(
                Learner.MAX_MARGIN,
                4,
                23,
                2,
                0.1 + 0.2,
                0.0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                "certified, gap open");
        String row = ComplexityCsv.row(c);
        assertEquals("MAX_MARGIN,4,23,2,0.30000000000000004,0.0,NaN,NaN,NaN,certified, gap open", row);
        assertEquals(c, ComplexityCsv.parse(row));
        assertThrows(IllegalArgumentException.class, () -> ComplexityCsv.parse("KERNEL,8,8,1,0.4"));
    }

    @Test
    void theShippedResultsReadWholeAndWriteBackToTheSameLines() throws Exception {
        String text;
        try (var in = ComplexityCsvTest.class.getResourceAsStream("/lowrot/tour/complexity.csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<SampleComplexity.Cell> cells = ComplexityCsv.parseAll(text);
        String[] lines = text.split("\n");
        assertEquals(lines.length - 1, cells.size());
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(lines[i + 1], ComplexityCsv.row(cells.get(i)));
        }
        for (Learner l : Learner.values()) {
            assertTrue(cells.stream().anyMatch(c -> c.learner() == l), l.name());
        }
        assertTrue(cells.stream().anyMatch(c -> c.certificate().contains(",")), "a certificate with a comma");
    }
}
