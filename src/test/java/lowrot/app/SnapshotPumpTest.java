package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import lowrot.run.RunState;
import lowrot.run.RunStatus;
import org.junit.jupiter.api.Test;

/** The trainer → FX crossing, driven by hand: no JavaFX, no timing. */
class SnapshotPumpTest {
    private static final RunConfig SMALL = RunConfig.defaults()
            .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS).withN(20).withNTest(20));

    /** Snapshots of one run at steps 0, 1, 2, … */
    private static List<Snapshot> snapshots(long runId, int count) {
        Trainer t = new Trainer(SMALL);
        List<Snapshot> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(t.snapshot(runId));
            t.step();
        }
        return out;
    }

    @Test
    void latestSnapshotWinsAndNoMetricPointIsLost() {
        ManualExecutor fx = new ManualExecutor();
        List<SnapshotPump.Batch> seen = new ArrayList<>();
        SnapshotPump pump = new SnapshotPump(7, fx, seen::add);
        List<Snapshot> s = snapshots(7, 5);
        for (Snapshot x : s) {
            pump.snapshot(x);
        }
        RunStatus st = new RunStatus(7, RunState.RUNNING, 4, 100, 0.1, "");
        pump.status(st);
        assertEquals(1, fx.pending(), "at most one hand-off waits for the FX thread");
        assertEquals(1, fx.runAll());
        assertEquals(1, seen.size());
        SnapshotPump.Batch b = seen.get(0);
        assertSame(s.get(4), b.snapshot(), "latest wins");
        assertEquals(s.stream().map(Snapshot::metrics).toList(), b.points(), "every point, in order");
        assertSame(st, b.status());
        assertEquals(7, b.runId());
        // Nothing new: the next delivery has nothing to say and is not scheduled.
        assertEquals(0, fx.pending());
    }

    @Test
    void aDeliveryInFlightCollectsWhatArrivesBeforeItRuns() {
        ManualExecutor fx = new ManualExecutor();
        List<SnapshotPump.Batch> seen = new ArrayList<>();
        SnapshotPump pump = new SnapshotPump(1, fx, seen::add);
        List<Snapshot> s = snapshots(1, 4);
        pump.snapshot(s.get(0));
        pump.snapshot(s.get(1));
        assertEquals(1, fx.pending());
        fx.runAll();
        pump.snapshot(s.get(2));
        pump.snapshot(s.get(3));
        assertEquals(1, fx.pending(), "a new hand-off once the last one ran");
        fx.runAll();
        assertEquals(2, seen.size());
        assertEquals(
                List.of(s.get(0).metrics(), s.get(1).metrics()), seen.get(0).points());
        assertEquals(
                List.of(s.get(2).metrics(), s.get(3).metrics()), seen.get(1).points());
        assertSame(s.get(3), seen.get(1).snapshot());
        assertNull(seen.get(1).status());
    }

    @Test
    void otherRunsAndClosedPumpsDeliverNothing() {
        ManualExecutor fx = new ManualExecutor();
        List<SnapshotPump.Batch> seen = new ArrayList<>();
        SnapshotPump pump = new SnapshotPump(2, fx, seen::add);
        pump.snapshot(snapshots(1, 1).get(0));
        pump.status(new RunStatus(3, RunState.PAUSED, 0, 0, 0.1, ""));
        assertEquals(0, fx.pending(), "a stale run's snapshot and status are dropped");
        pump.snapshot(snapshots(2, 1).get(0));
        assertEquals(1, fx.pending());
        pump.close();
        fx.runAll();
        pump.snapshot(snapshots(2, 1).get(0));
        fx.runAll();
        assertEquals(List.of(), seen, "a closed pump delivers nothing, even a hand-off already queued");
    }
}
