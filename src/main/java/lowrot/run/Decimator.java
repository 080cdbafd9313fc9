package lowrot.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps every k-th item offered, at most {@code max} of them: when one more would be kept, every other
 * kept item is dropped (the first one stays) and k doubles. So a long run is thinned evenly over its
 * whole length, never cut off. Used by the window's {@link History} and by the {@link Recorder}. Owned by
 * one thread.
 */
final class Decimator<T> {
    private final int max;
    private final List<T> kept = new ArrayList<>();
    private long offered;
    private long keepEvery = 1;

    Decimator(int max) {
        this.max = max;
    }

    /** Offers the next item; true when it was kept. */
    boolean offer(T item) {
        if (offered++ % keepEvery != 0) {
            return false;
        }
        kept.add(item);
        if (kept.size() > max) {
            List<T> thinned = new ArrayList<>(kept.size() / 2 + 1);
            for (int i = 0; i < kept.size(); i += 2) {
                thinned.add(kept.get(i));
            }
            kept.clear();
            kept.addAll(thinned);
            keepEvery *= 2;
        }
        return true;
    }

    /** The kept items in order (a read-only view: copy it to keep it). */
    List<T> kept() {
        return Collections.unmodifiableList(kept);
    }

    long offered() {
        return offered;
    }

    long keepEvery() {
        return keepEvery;
    }

    void clear() {
        kept.clear();
        offered = 0;
        keepEvery = 1;
    }
}
