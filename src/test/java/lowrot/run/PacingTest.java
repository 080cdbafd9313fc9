package lowrot.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import lowrot.core.data.Datasets;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Snapshot;
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
    void aPacedRunShowsFramesAtItsLogTimesAndPausesAtTheTarget() throws Exception {
        RunConfig c = RunConfig.defaults();
        CollectingListener seen = new CollectingListener();
        TrainingRun run = new TrainingRun(
                1, c, Datasets.generate(c.dataset(), 1), 1, 0, 1, lowrot.core.util.Workers.NOTHING, seen);
        run.setPace(5);
        run.setTarget(0, 300);
        run.play();
        RunStatus last = awaitTarget(seen);
        assertEquals(RunState.PAUSED, run.state());
        assertTrue(last.message().startsWith("reached the target (τ = 300.0)"), last.message());
        Snapshot end = seen.snapshots.get(seen.snapshots.size() - 1);
        double eta = c.training().stepSize();
        assertTrue(end.time() >= 300 && end.time() - eta < 300, "paused at the first step past τ = 300: " + end.time());
        // Every picture after the first step is a paced frame: the first step reaching η · 10^{kδ} for some k
        // (gradient descent: τ = η · steps), or a snapshot between frames when the machine is behind.
        double delta = 5 / LogPace.FRAMES_PER_SECOND;
        int frames = 0;
        for (Snapshot s : seen.snapshots) {
            if (s.step() < 2) {
                continue;
            }
            double k = Math.ceil(Math.log10((s.time() - eta) / eta) / delta - 1e-9);
            double target = eta * Math.pow(10, k * delta);
            if (s.time() >= target - 1e-9 && s.time() - eta < target - 1e-9) {
                frames++;
            }
        }
        // From τ = η to 300 are log10(300/η) / δ = 16.7 frame times; a loaded machine shows fewer frames (each
        // still at its own τ_k), so only a few are required here — LogPaceTest checks the schedule itself.
        assertTrue(frames >= 3, frames + " paced frames among " + seen.snapshots.size() + " pictures");
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
                seen);
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
