package lowrot.run;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;

/**
 * Records a run the same way wherever it trains (window or command line): the metrics every k
 * steps (and at step 0), and snapshots with full weights thinned evenly to at most
 * {@link #MAX_RECORDS}. Owned by the trainer's thread; {@link #recording(Trainer, long)} hands out a copy.
 */
public final class Recorder {
    /** Snapshots with full weights kept at most. */
    public static final int MAX_RECORDS = 600;

    private final int every;
    private final List<Metrics> rows = new ArrayList<>();
    private final Decimator<Snapshot> kept = new Decimator<>(MAX_RECORDS);
    private Snapshot last;

    /** A recorder of every k-th step. */
    public Recorder(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every = " + every + ": allowed 1 or more");
        }
        this.every = every;
    }

    /** Whether the step just taken is one to record. */
    public boolean due(long step) {
        return step % every == 0;
    }

    /**
     * Records a snapshot (the first one must be at step 0). Returns whether it is among the snapshots kept with
     * weights (for now: a later thinning may drop it); one not kept now never is.
     */
    public boolean record(Snapshot s) {
        rows.add(s.metrics());
        last = s;
        return kept.offer(s);
    }

    /**
     * Records again a row taken earlier (from a journal), with its snapshot when its weights were kept, else
     * null: replaying a run's records in order rebuilds the same rows and the same kept snapshots.
     */
    public void replay(Metrics row, Snapshot s) {
        rows.add(row);
        last = s;
        if (kept.offer(s) && s == null) {
            throw new IllegalStateException("record " + rows.size() + " (step " + row.step()
                    + ") was kept with weights, but its weights are missing");
        }
    }

    /** Records step 0 from the trainer and returns that snapshot. */
    public Snapshot start(Trainer trainer, long runId) {
        Snapshot s = trainer.snapshot(runId);
        record(s);
        return s;
    }

    /**
     * The recording so far, closed at the trainer's current step (a final row is added when the
     * current step was not a recorded one).
     */
    public Recording recording(Trainer trainer, long runId) {
        List<Metrics> outRows = new ArrayList<>(rows);
        List<Snapshot> outKept = new ArrayList<>(kept.kept());
        Snapshot end = last;
        if (last == null || last.step() != trainer.stepCount()) {
            end = trainer.snapshot(runId);
            outRows.add(end.metrics());
        }
        if (outKept.isEmpty() || outKept.get(outKept.size() - 1) != end) {
            outKept.add(end);
        }
        return new Recording(List.copyOf(outRows), List.copyOf(outKept));
    }

    /** The recording up to the last recorded (finite) snapshot, for a run that diverged after it. */
    public Recording recordingUpToLastGood() {
        List<Snapshot> k = kept.kept();
        return new Recording(
                List.copyOf(rows), List.copyOf(k.isEmpty() || k.get(k.size() - 1) == last ? k : append(k, last)));
    }

    private static List<Snapshot> append(List<Snapshot> list, Snapshot s) {
        List<Snapshot> out = new ArrayList<>(list);
        out.add(s);
        return out;
    }

    /** An immutable recording: metric rows and snapshots with weights. */
    public record Recording(List<Metrics> rows, List<Snapshot> snapshots) {}
}
