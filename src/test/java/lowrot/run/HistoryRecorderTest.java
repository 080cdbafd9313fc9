package lowrot.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import org.junit.jupiter.api.Test;

/** Decimation of the window's history and of the recording: which points survive, by hand count. */
class HistoryRecorderTest {
    private static final RunConfig SMALL = RunConfig.defaults()
            .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS).withN(8).withNTest(8))
            .withNetwork(lowrot.core.model.NetworkSpec.defaults().withWidth(4));

    private static List<Metrics> metrics(int count) {
        Trainer t = new Trainer(SMALL);
        List<Metrics> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(t.snapshot(1).metrics()); // metrics of step i
            t.step();
        }
        return out;
    }

    @Test
    void historyHalvesAndDoublesKWhenFullKeepingFirstAndLatest() {
        List<Metrics> all = metrics(100);
        History h = new History(16);
        for (int i = 0; i < 15; i++) {
            h.add(all.get(i));
        }
        assertEquals(1, h.keepEvery(), "not full yet");
        assertEquals(all.subList(0, 15), h.points());
        h.add(all.get(15));
        // Full at 16: every other kept point stays (0, 2, …, 14) and k doubles.
        assertEquals(2, h.keepEvery());
        List<Metrics> expected = new ArrayList<>();
        for (int i = 0; i <= 14; i += 2) {
            expected.add(all.get(i));
        }
        expected.add(all.get(15)); // the latest is always shown
        assertEquals(expected, h.points());
        for (int i = 16; i < 100; i++) {
            h.add(all.get(i));
        }
        // k = 2 keeps 16, 18, …, 30 → full at 30 (16 points): thinned to 0, 4, …, 28, k = 4; then
        // 32, …, 60 → full at 60: 0, 8, …, 56, k = 8; then 64, 72, 80, 88, 96 kept.
        assertEquals(8, h.keepEvery());
        List<Metrics> points = h.points();
        assertSame(all.get(0), points.get(0), "first point kept");
        assertSame(all.get(99), points.get(points.size() - 1), "latest point kept");
        List<Long> steps = points.stream().map(Metrics::step).toList();
        assertEquals(List.of(0L, 8L, 16L, 24L, 32L, 40L, 48L, 56L, 64L, 72L, 80L, 88L, 96L, 99L), steps);
        assertEquals(100, h.offered());
        assertTrue(points.size() <= 16 + 1);
        h.clear();
        assertEquals(List.of(), h.points());
        assertEquals(1, h.keepEvery());
        assertThrows(IllegalArgumentException.class, () -> new History(15));
    }

    @Test
    void recorderThinsSnapshotsEvenlyAndKeepsEveryRow() {
        Trainer t = new Trainer(SMALL);
        Recorder r = new Recorder(1);
        Snapshot first = r.start(t, 1);
        int total = 2 * Recorder.MAX_RECORDS + 10;
        for (int i = 1; i < total; i++) {
            t.step();
            r.record(t.snapshot(1));
        }
        Recorder.Recording rec = r.recording(t, 1);
        assertEquals(total, rec.rows().size(), "every row is kept");
        List<Snapshot> kept = rec.snapshots();
        assertSame(first, kept.get(0), "step 0 kept");
        assertEquals(total - 1, kept.get(kept.size() - 1).step(), "the last step closes the recording");
        assertTrue(kept.size() <= Recorder.MAX_RECORDS + 1, "thinned: " + kept.size());
        // Two thinnings (at 601 and again at 601 kept): k = 4, kept steps 0, 4, 8, … plus the last.
        for (int i = 0; i < kept.size() - 1; i++) {
            assertEquals(4L * i, kept.get(i).step(), "even spacing at " + i);
        }
        // Closing at a step that was not recorded adds a final row and snapshot from the trainer.
        t.step();
        Recorder.Recording closed = r.recording(t, 1);
        assertEquals(total + 1, closed.rows().size());
        assertEquals(
                total, closed.snapshots().get(closed.snapshots().size() - 1).step());
        assertEquals(total, rec.rows().size(), "an earlier recording is a copy");
        assertThrows(IllegalArgumentException.class, () -> new Recorder(0));
    }
}
