package lowrot.run;

import lowrot.core.train.Snapshot;

/**
 * Receives what a run publishes. Called on the run's own thread: implementations must return
 * quickly and hand the values over to their own thread (the trainer never waits for a consumer).
 */
public interface RunListener {
    /** A new snapshot; every snapshot is also a metric point of the run's history. */
    void snapshot(Snapshot snapshot);

    /** The run's state changed (or its throughput was re-measured). */
    void status(RunStatus status);
}
