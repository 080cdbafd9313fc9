package lowrot.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A named crossing for an experiment's results: worker threads add items as they finish, and the consumer gets them
 * on the given executor (the FX thread in the window, a manual queue in tests) in arrival order, in batches, with at
 * most one hand-off pending however fast they arrive.
 */
final class Arrivals<T> {
    private final Executor fx;
    private final Consumer<List<T>> onBatch;
    private final ConcurrentLinkedQueue<T> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pending = new AtomicBoolean();

    /** Batches go to {@code onBatch}, called on {@code fx} and only with at least one item. */
    Arrivals(Executor fx, Consumer<List<T>> onBatch) {
        this.fx = fx;
        this.onBatch = onBatch;
    }

    /** From any thread. */
    void add(T item) {
        arrived.add(item);
        handOff();
    }

    /** From any thread, in the collection's order. */
    void addAll(Collection<? extends T> items) {
        arrived.addAll(items);
        handOff();
    }

    private void handOff() {
        if (pending.compareAndSet(false, true)) {
            fx.execute(this::deliver);
        }
    }

    /** On the consumer's thread: hands over what has arrived (nothing when nothing has). */
    void deliver() {
        pending.set(false);
        List<T> batch = new ArrayList<>();
        T item;
        while ((item = arrived.poll()) != null) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            onBatch.accept(batch);
        }
    }

    /** On the consumer's thread: forgets what has arrived and not been handed over (a new run starts). */
    void clear() {
        arrived.clear();
    }
}
