package lowrot.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lowrot.core.data.Datasets;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import org.junit.jupiter.api.Test;

/** A window run paced in log τ and stopped at its target; the waits are liveness bounds, never speeds. */
class PacingTest {
    /** Waits (a liveness bound) until the run has announced that it reached its target. */
    private static RunStatus awaitTarget(CollectingListener seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (RunStatus st : seen.statuses) {
                if (st.message().startsWith("reached the target")) {
                    return st;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the run did not reach its target: " + seen.statuses);
    }

    private static void await(TrainingRun run, RunState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (run.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(state, run.state());
    }

    @Test
    void aPacedRunShowsEveryFrameAtItsLogTimeAndPausesAtTheTarget() throws Exception {
        RunConfig c = RunConfig.defaults();
        var data = Datasets.generate(c.dataset(), 1);
        // τ after every step, from a trainer of the same config (same bits as the run's).
        Trainer probe = new Trainer(c, data);
        List<Double> tau = new ArrayList<>(List.of(probe.time()));
        while (probe.time() < 300) {
            probe.step();
            tau.add(probe.time());
        }
        int targetStep = tau.size() - 1;

        CollectingListener seen = new CollectingListener();
        TrainingRun run =
                new TrainingRun(1, c, data, 1, 0, 1, lowrot.core.util.Workers.NOTHING, seen, new WaitingClock());
        // The run idles before Play, as a window's does (the clock moves while it waits): the time spent idle
        // must not make the first step after Play an extra picture.
        long idleDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.snapshots.isEmpty() && System.nanoTime() < idleDeadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        run.setPace(5);
        run.setTarget(0, 300);
        run.play();
        RunStatus last = awaitTarget(seen);
        assertEquals(RunState.PAUSED, run.state());
        assertTrue(last.message().startsWith("reached the target (τ = 300.0)"), last.message());

        // Pictures: the initialization, then frame k = 1, 2, … at the first step whose τ reaches τ_1 · 10^{kδ}
        // (pacing starts at step 1), every one of them since the clock waits for each, then the target's step.
        List<Snapshot> pictures = seen.snapshots;
        assertEquals(0, pictures.get(0).step());
        assertEquals(targetStep, pictures.get(pictures.size() - 1).step(), "paused at the first step past τ = 300");
        LogPace pace = new LogPace(5);
        pace.startAt(tau.get(1));
        List<Long> expected = new ArrayList<>();
        for (long k = 1; ; k++) {
            int step = 1;
            while (step < targetStep && tau.get(step) < pace.target(k)) {
                step++;
            }
            if (step >= targetStep) {
                break;
            }
            expected.add((long) step);
        }
        List<Long> frames = pictures.subList(1, pictures.size() - 1).stream()
                .map(Snapshot::step)
                .toList();
        assertEquals(expected, frames, "every paced frame, each at the first step reaching its τ_k");
        assertTrue(expected.size() >= 15, "from τ = η to 300 at δ = 1/6 decade: " + expected.size() + " frames");
        // Play continues past the target.
        run.play();
        await(run, RunState.RUNNING);
        assertTrue(run.stopAndWait(10_000));
    }

    @Test
    void asFastAsPossibleStillPicturesTheEarlyPhaseAndStopsAtRunSteps() throws Exception {
        RunConfig c = RunConfig.defaults();
        CollectingListener seen = new CollectingListener();
        // At most one timed snapshot per hour: the pictures seen come from the log-τ grid and the target.
        TrainingRun run = new TrainingRun(
                1,
                c,
                Datasets.generate(c.dataset(), 1),
                100_000,
                3_600_000_000_000L,
                10,
                lowrot.core.util.Workers.NOTHING,
                seen,
                RunClock.SYSTEM);
        run.setPace(0);
        run.setTarget(4000, 0);
        run.play();
        RunStatus reached = awaitTarget(seen);
        assertEquals(4000, seen.snapshots.get(seen.snapshots.size() - 1).step());
        assertTrue(reached.message().contains("step 4,000"), reached.message());
        // τ from 0.5 to 2,000 is 3.6 decades: 20 pictures per decade.
        long early = seen.snapshots.stream()
                .filter(s -> s.time() > 0 && s.time() < 2000)
                .count();
        assertTrue(early >= 60, early + " pictures before τ = 2000");
        assertTrue(run.stopAndWait(10_000));
    }
}
