package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The experiments' crossing to the FX thread, driven by hand: every item once, in order, one hand-off pending. */
class ArrivalsTest {
    @Test
    void manyArrivalsMakeOneHandOffAndEveryItemArrivesOnceInOrder() {
        ManualExecutor fx = new ManualExecutor();
        List<List<Integer>> batches = new ArrayList<>();
        Arrivals<Integer> arrivals = new Arrivals<>(fx, batches::add);
        arrivals.add(1);
        arrivals.addAll(List.of(2, 3));
        arrivals.add(4);
        assertEquals(1, fx.pending(), "one hand-off however many arrive before it runs");
        fx.runQueued();
        assertEquals(List.of(List.of(1, 2, 3, 4)), batches);
        arrivals.add(5);
        assertEquals(1, fx.pending(), "a new hand-off once the last one ran");
        fx.runQueued();
        assertEquals(List.of(List.of(1, 2, 3, 4), List.of(5)), batches);
    }

    @Test
    void clearedItemsAreNeverHandedOverAndAnEmptyDeliveryCallsNobody() {
        ManualExecutor fx = new ManualExecutor();
        List<List<Integer>> batches = new ArrayList<>();
        Arrivals<Integer> arrivals = new Arrivals<>(fx, batches::add);
        arrivals.add(1);
        arrivals.clear();
        fx.runQueued();
        arrivals.deliver();
        assertEquals(List.of(), batches);
    }

    @Test
    void itemsFromManyThreadsAllArrive() throws InterruptedException {
        ManualExecutor fx = new ManualExecutor();
        List<Integer> seen = new ArrayList<>();
        Arrivals<Integer> arrivals = new Arrivals<>(fx, seen::addAll);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            int from = t * 1000;
            new Thread(() -> {
                        for (int i = 0; i < 1000; i++) {
                            arrivals.add(from + i);
                        }
                        done.countDown();
                    })
                    .start();
        }
        done.await();
        while (fx.pending() > 0) {
            fx.runQueued();
        }
        arrivals.deliver();
        assertEquals(4000, seen.size());
        assertEquals(4000, seen.stream().distinct().count());
    }
}
