package lowrot.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lowrot.core.train.Snapshot;

/** A run listener for tests: keeps every snapshot and status it hears, in order, from any thread. */
final class CollectingListener implements RunListener {
    final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
    final List<RunStatus> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void snapshot(Snapshot s) {
        snapshots.add(s);
    }

    @Override
    public void status(RunStatus s) {
        statuses.add(s);
    }
}
