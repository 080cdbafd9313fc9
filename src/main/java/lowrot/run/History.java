package lowrot.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lowrot.core.train.Metrics;

/**
 * The metric history of a run, decimated rather than capped: every k-th offered point is kept,
 * and when the history is full, every other kept point is dropped and k doubles. The first and the
 * latest point are always present, so a chart always spans the whole run. Owned by one thread.
 */
public final class History {
    private final Decimator<Metrics> points;
    private Metrics latest;

    /** A history of at most {@code capacity} (≥ 16) kept points, plus the latest one. */
    public History(int capacity) {
        if (capacity < 16) {
            throw new IllegalArgumentException("capacity " + capacity + ": allowed at least 16");
        }
        // Thinned when a point would make it full: at most capacity − 1 kept, plus the latest.
        this.points = new Decimator<>(capacity - 1);
    }

    /** Offers the next point of the run (points must come in step order). */
    public void add(Metrics m) {
        latest = m;
        points.offer(m);
    }

    /** The kept points in order, with the latest point appended if it was not kept. */
    public List<Metrics> points() {
        List<Metrics> out = new ArrayList<>(points.kept());
        if (latest != null && (out.isEmpty() || out.get(out.size() - 1) != latest)) {
            out.add(latest);
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of points offered so far. */
    public long offered() {
        return points.offered();
    }

    /** The current decimation factor k. */
    public long keepEvery() {
        return points.keepEvery();
    }

    public Metrics latest() {
        return latest;
    }

    public void clear() {
        points.clear();
        latest = null;
    }
}
