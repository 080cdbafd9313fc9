package lowrot.app;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Seconds from the start of a reference solve to its first line on screen (the first certified interval) and to its
 * final value, for {@code --measure}: what a user waits for. A measurement of the window, never an input to a
 * result. Session thread only.
 */
final class ReferenceTiming {
    private final Map<String, long[]> times = new LinkedHashMap<>();

    /** A solve of {@code name} starts now. */
    void started(String name) {
        times.put(name, new long[] {System.nanoTime(), 0, 0});
    }

    /** Its first certified interval is on screen (the first time only). */
    void first(String name) {
        long[] t = times.get(name);
        if (t != null && t[1] == 0) {
            t[1] = System.nanoTime();
        }
    }

    /** Its final value is on screen (which is also its first line when it came at once). */
    void last(String name) {
        long[] t = times.get(name);
        if (t != null) {
            t[2] = System.nanoTime();
            if (t[1] == 0) {
                t[1] = t[2];
            }
        }
    }

    /** One line: "γ_ntk first 0.4 s, final 1.1 s; γ_gl …" ("pending" for what has not arrived). */
    String report() {
        StringBuilder b = new StringBuilder("references:");
        for (var e : times.entrySet()) {
            long[] t = e.getValue();
            b.append(String.format(
                    Locale.ROOT,
                    " %s first %s, final %s;",
                    e.getKey(),
                    t[1] == 0 ? "pending" : String.format(Locale.ROOT, "%.1f s", (t[1] - t[0]) / 1e9),
                    t[2] == 0 ? "pending" : String.format(Locale.ROOT, "%.1f s", (t[2] - t[0]) / 1e9)));
        }
        return b.toString();
    }
}
