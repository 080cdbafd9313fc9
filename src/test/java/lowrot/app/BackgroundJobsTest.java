package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A solver's values on its way, driven by hand: the latest wins, nothing after the result or a cancel. */
class BackgroundJobsTest {
    @Test
    void interimValuesArriveBeforeTheResultTheLatestWinningAndNoneAfterIt() throws Exception {
        ManualExecutor fx = new ManualExecutor();
        BackgroundJobs jobs = new BackgroundJobs(fx, () -> {});
        List<String> seen = new ArrayList<>();
        CountDownLatch emitted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundJobs.Job job = jobs.<String>submit(
                (monitor, interim) -> {
                    interim.accept("a");
                    interim.accept("b");
                    interim.accept("c");
                    emitted.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS); // a liveness bound, never reached when healthy
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "final";
                },
                v -> seen.add("interim " + v),
                v -> seen.add("result " + v),
                e -> seen.add("error " + e));
        assertTrue(emitted.await(30, TimeUnit.SECONDS));
        assertEquals(1, fx.pending(), "one hand-off for three values");
        fx.runQueued();
        assertEquals(List.of("interim c"), seen, "the latest value wins");
        release.countDown();
        fx.awaitPending(1, 30); // the result
        fx.runQueued();
        assertEquals(List.of("interim c", "result final"), seen);
        assertTrue(job.done());
        jobs.close();
    }

    @Test
    void aCancelledJobDeliversNoInterimValue() throws Exception {
        ManualExecutor fx = new ManualExecutor();
        BackgroundJobs jobs = new BackgroundJobs(fx, () -> {});
        List<String> seen = new ArrayList<>();
        CountDownLatch emitted = new CountDownLatch(1);
        BackgroundJobs.Job job = jobs.<String>submit(
                (monitor, interim) -> {
                    interim.accept("a");
                    emitted.countDown();
                    return "final";
                },
                v -> seen.add("interim " + v),
                v -> seen.add("result " + v),
                e -> seen.add("error " + e));
        assertTrue(emitted.await(30, TimeUnit.SECONDS));
        job.cancel();
        fx.awaitPending(2, 30); // the interim hand-off and the result
        fx.runQueued();
        assertEquals(List.of(), seen);
        jobs.close();
    }
}
