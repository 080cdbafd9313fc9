package lowrot.app;

import lowrot.core.margin.ReferenceMargins;
import lowrot.run.RunStatus;

/**
 * What the status bar says, in order of precedence: a margin above the certified bound of γ_gl (a bug,
 * kept until the next run), a passing note (until the run reports again), the run's own message, and a
 * message about the data (kept until replaced).
 */
final class StatusLine {
    private String boundViolation;
    private String note;
    private String dataMessage = "";

    /** A new run: its own violation and notes start empty; the data message stays. */
    void newRun() {
        boundViolation = null;
        note = null;
        settingsNote = null;
    }

    private String settingsNote;

    /** What a settings change (a preset, an undo) did: stays for the run it started. */
    void settingsNote(String text) {
        settingsNote = text;
    }

    /** Records the first path-norm margin of this run that exceeds the certified upper bound. */
    void check(ReferenceMargins refs, double marginPath) {
        if (boundViolation == null) {
            boundViolation = refs.violation(marginPath);
        }
    }

    void note(String text) {
        note = text;
    }

    /** The run reported again: a passing note is over. */
    void runReported() {
        note = null;
    }

    void dataMessage(String text) {
        dataMessage = text;
    }

    String boundViolation() {
        return boundViolation;
    }

    /** The line to show now. */
    String message(RunStatus status) {
        if (boundViolation != null) {
            return boundViolation;
        }
        if (note != null) {
            return note;
        }
        if (status != null && !status.message().isEmpty()) {
            return status.message();
        }
        return settingsNote != null ? settingsNote : dataMessage;
    }
}
