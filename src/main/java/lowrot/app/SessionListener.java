package lowrot.app;

/** What the views hear from a {@link LabSession}; every call comes on the session's thread. */
interface SessionListener {
    /** A new run started (new config, data or initialization): controls show the config again. */
    default void runStarted() {
    }

    /** The circle view needs a redraw (snapshot, regions, references, options). */
    default void frame() {
    }

    /** The charts need a redraw (history, tangent points, references, options). */
    default void charts() {
    }

    /** The pump delivered {@code points} metric points of the current run (for the performance overlay). */
    default void delivered(int points) {
    }

    /** The status line or the play state changed. */
    default void status() {
    }

    /** Something the user asked for failed; {@code text} says what and why. */
    default void error(String header, String text) {
    }
}
