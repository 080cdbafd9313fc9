package lowrot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;
import lowrot.run.RunListener;
import lowrot.run.RunStatus;

/**
 * The one bridge from a trainer thread to the FX thread. The trainer side never waits: it stores
 * the latest snapshot (latest wins), queues every snapshot's metrics (never dropped) and the
 * latest status, and hands at most one delivery at a time to the FX executor (in the window
 * {@code Platform::runLater}; in tests a queue they run by hand). The FX side receives everything
 * gathered since its last turn in one {@link Batch}.
 */
public final class SnapshotPump implements RunListener {
    /** What arrived since the last delivery; {@code snapshot} and {@code status} may be null. */
    public record Batch(List<Metrics> points, Snapshot snapshot, RunStatus status, long runId) {}

    private final long runId;
    private final Consumer<Batch> fxConsumer;
    private final Executor fx;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicReference<RunStatus> status = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Metrics> points = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    /** A pump for one run; {@code fxConsumer} is called by tasks run on {@code fx}. */
    public SnapshotPump(long runId, Executor fx, Consumer<Batch> fxConsumer) {
        this.runId = runId;
        this.fx = fx;
        this.fxConsumer = fxConsumer;
    }

    @Override
    public void snapshot(Snapshot snapshot) {
        if (closed || snapshot.runId() != runId) {
            return;
        }
        points.add(snapshot.metrics());
        latest.set(snapshot);
        schedule();
    }

    @Override
    public void status(RunStatus value) {
        if (closed || value.runId() != runId) {
            return;
        }
        status.set(value);
        schedule();
    }

    /** Stops delivering: anything the old run still sends is dropped. */
    public void close() {
        closed = true;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        if (closed) {
            return;
        }
        List<Metrics> batch = new ArrayList<>();
        Metrics m;
        while ((m = points.poll()) != null) {
            batch.add(m);
        }
        Snapshot snap = latest.getAndSet(null);
        RunStatus st = status.getAndSet(null);
        if (batch.isEmpty() && snap == null && st == null) {
            return;
        }
        fxConsumer.accept(new Batch(batch, snap, st, runId));
    }
}
