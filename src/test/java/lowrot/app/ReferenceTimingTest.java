package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What --measure prints about the references: pending until each arrives, first never after final. */
class ReferenceTimingTest {
    @Test
    void pendingUntilArrivalAndAFinalValueAtOnceIsAlsoTheFirstLine() {
        ReferenceTiming t = new ReferenceTiming();
        t.started("γ_ntk");
        t.started("γ_gl");
        assertTrue(t.report().contains("γ_ntk first pending, final pending;"), t.report());
        t.first("γ_ntk");
        assertTrue(t.report().matches(".*γ_ntk first [0-9.]+ s, final pending;.*"), t.report());
        t.last("γ_ntk");
        t.last("γ_gl");
        assertTrue(
                t.report()
                        .matches(
                                "references: γ_ntk first [0-9.]+ s, final [0-9.]+ s; γ_gl first [0-9.]+ s, final [0-9.]+ s;"),
                t.report());
    }
}
