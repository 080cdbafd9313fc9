package lowrot.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The log-τ schedule by hand: frame k is at τ_s · 10^{kδ}, δ = decades per second / 30; skipping ahead keeps every
 * frame at its own τ_k. (A run paced with it shows each frame at the first step reaching τ_k: PacingTest.)
 */
class LogPaceTest {
    @Test
    void framesAdvanceLogTimeByTheSameAmount() {
        LogPace pace = new LogPace(0.5);
        assertEquals(0.5, pace.decadesPerSecond());
        assertEquals(0.5 / 30, pace.decadesPerFrame(), 1e-15);
        assertFalse(pace.started());
        pace.startAt(0.25);
        assertTrue(pace.started());
        assertEquals(0.25, pace.target(0));
        // 60 frames at 0.5 decades per second are 2 s of playback: one decade of τ.
        assertEquals(2.5, pace.target(60), 1e-12);
        for (int k = 1; k <= 120; k++) {
            assertEquals(k - 1, pace.frames());
            assertEquals(pace.target(k), pace.nextTarget());
            assertEquals(k * 0.5 / 30, Math.log10(pace.nextTarget() / 0.25), 1e-12, "frame " + k);
            pace.frameShown();
        }
        assertEquals(25.0, pace.target(120), 1e-10);
    }

    @Test
    void skippingAheadKeepsEachFrameAtItsOwnTime() {
        LogPace pace = new LogPace(3);
        pace.startAt(1);
        pace.frameShown();
        pace.skipTo(10); // a slow frame: the next one shown is frame 11, at its own τ
        assertEquals(10, pace.frames());
        assertEquals(Math.pow(10, 11 * 0.1), pace.nextTarget(), 1e-9);
        pace.skipTo(4); // never backwards
        assertEquals(10, pace.frames());
        pace.startAt(2); // a new start counts from frame 0 again
        assertEquals(0, pace.frames());
        assertEquals(2 * Math.pow(10, 0.1), pace.nextTarget(), 1e-12);
    }

    @Test
    void badPacesAndStartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LogPace(0));
        assertThrows(IllegalArgumentException.class, () -> new LogPace(1000));
        LogPace pace = new LogPace(1);
        assertThrows(IllegalArgumentException.class, () -> pace.startAt(0));
        assertThrows(IllegalArgumentException.class, () -> pace.startAt(Double.NaN));
    }
}
