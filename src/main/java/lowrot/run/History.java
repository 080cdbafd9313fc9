package lowrot.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lowrot.core.Metrics;

/**
 * The metric history of a run, decimated rather than capped: every k-th offered point is kept,
 * and when the history is full, every other kept point is dropped and k doubles. The first and the
 * latest point are always present, so a chart always spans the whole run. Owned by one thread.
 */
public final class History {
    private final int capacity;
    private final List<Metrics> points = new ArrayList<>();
    private Metrics latest;
    private long offered;
    private long keepEvery = 1;

    /** A history of at most {@code capacity} (≥ 16) kept points, plus the latest one. */
    public History(int capacity) {
        if (capacity < 16) {
            throw new IllegalArgumentException("capacity " + capacity + ": allowed at least 16");
        }
        this.capacity = capacity;
    }

    /** Offers the next point of the run (points must come in step order). */
    public void add(Metrics m) {
        latest = m;
        if (offered++ % keepEvery != 0) {
            return;
        }
        points.add(m);
        if (points.size() >= capacity) {
            List<Metrics> thinned = new ArrayList<>(capacity / 2 + 1);
            for (int i = 0; i < points.size(); i += 2) {
                thinned.add(points.get(i));
            }
            points.clear();
            points.addAll(thinned);
            keepEvery *= 2;
        }
    }

    /** The kept points in order, with the latest point appended if it was not kept. */
    public List<Metrics> points() {
        List<Metrics> out = new ArrayList<>(points);
        if (latest != null && (out.isEmpty() || out.get(out.size() - 1) != latest)) {
            out.add(latest);
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of points offered so far. */
    public long offered() {
        return offered;
    }

    /** The current decimation factor k. */
    public long keepEvery() {
        return keepEvery;
    }

    public Metrics latest() {
        return latest;
    }

    public void clear() {
        points.clear();
        latest = null;
        offered = 0;
        keepEvery = 1;
    }
}
