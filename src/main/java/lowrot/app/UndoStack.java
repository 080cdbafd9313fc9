package lowrot.app;

import java.util.ArrayDeque;
import java.util.Deque;
import lowrot.io.LabConfig;

/** The settings before each change, newest first, at most {@value #DEPTH} (the oldest goes): what Undo brings back. */
final class UndoStack {
    /** Settings changes Undo remembers. */
    static final int DEPTH = 100;

    private final Deque<LabConfig> configs = new ArrayDeque<>();

    /** Remembers the settings a change leaves. */
    void push(LabConfig before) {
        configs.push(before);
        while (configs.size() > DEPTH) {
            configs.removeLast();
        }
    }

    /** The settings before the last change, taken off the stack; null when there are none. */
    LabConfig pop() {
        return configs.poll();
    }
}
