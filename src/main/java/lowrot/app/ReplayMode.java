package lowrot.app;

import lowrot.io.RunFile;

/**
 * The session replaying a saved run: entering replay (the run stops; the recording's data, references and snapshots
 * take its place) and moving the scrubber through the recorded snapshots. Runs on the session's thread.
 */
final class ReplayMode {
    private final LabSession session;
    private Replay replay;

    ReplayMode(LabSession session) {
        this.session = session;
    }

    /** Replays a run file: the run stops and the records become snapshots to move through. Returns the problem, or null. */
    String enter(RunFile.Loaded loaded) {
        if (loaded.records().isEmpty()) {
            return "the run file holds no readable record. " + loaded.warning();
        }
        String problem = session.tryConfig(loaded.config());
        if (problem != null) {
            return problem;
        }
        session.stopForReplay(loaded.data());
        replay = new Replay(RunFile.snapshots(loaded));
        session.pictures().newTrails(loaded.config().run().network().width());
        session.setDataMessage(
                loaded.warning().isEmpty()
                        ? "replaying " + replay.size() + " recorded snapshots"
                        : "replay: " + loaded.warning());
        show(replay.size() - 1);
        return null;
    }

    /** Shows recorded snapshot {@code index} (0-based) with the history up to it. */
    void show(int index) {
        if (replay == null || !replay.moveTo(index)) {
            return;
        }
        session.showRecorded(replay.shown(), replay.pointsUpToShown(), replay.trailToShown(Pictures.TRAIL_LENGTH));
    }

    /** Leaves replay (a new run starts). */
    void leave() {
        replay = null;
    }

    boolean active() {
        return replay != null;
    }

    /** Recorded snapshots of the run being replayed (0 when none). */
    int size() {
        return replay == null ? 0 : replay.size();
    }

    int index() {
        return replay == null ? 0 : replay.index();
    }
}
