package lowrot.app;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;

/** A saved run being replayed: its recorded snapshots and the one shown (the last, at first). */
final class Replay {
    private final List<Snapshot> snapshots;
    private int index;

    Replay(List<Snapshot> snapshots) {
        this.snapshots = List.copyOf(snapshots);
        this.index = snapshots.size() - 1;
    }

    int size() {
        return snapshots.size();
    }

    int index() {
        return index;
    }

    Snapshot shown() {
        return snapshots.get(index);
    }

    /** Shows snapshot {@code i} (0-based); false, and nothing changes, when there is none. */
    boolean moveTo(int i) {
        if (i < 0 || i >= snapshots.size()) {
            return false;
        }
        index = i;
        return true;
    }

    /** The metric points of every snapshot up to the one shown. */
    List<Metrics> pointsUpToShown() {
        List<Metrics> out = new ArrayList<>(index + 1);
        for (int i = 0; i <= index; i++) {
            out.add(snapshots.get(i).metrics());
        }
        return out;
    }

    /** The last {@code length} snapshots up to the one shown, oldest first. */
    List<Snapshot> trailToShown(int length) {
        return snapshots.subList(Math.max(0, index - length + 1), index + 1);
    }
}
