package lowrot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lowrot.io.LabConfig;
import lowrot.io.Setting;

/** What changed between two configs, in the window's words: "width m: 64 → 4096; data set: …". */
final class SettingsChange {
    private SettingsChange() {}

    /**
     * The settings whose values differ, each as "label: before → after" (the field's label in the window, or the
     * config key for a setting the window does not show), in the order of the config schema; "" if none.
     */
    static String describe(LabConfig before, LabConfig after, Map<String, String> labels) {
        List<String> parts = new ArrayList<>();
        for (Setting s : Setting.ALL) {
            Object a = s.get(before);
            Object b = s.get(after);
            if (!Objects.deepEquals(a, b)) {
                parts.add(labels.getOrDefault(s.path(), s.path()) + ": " + text(a) + " → " + text(b));
            }
        }
        return String.join("; ", parts);
    }

    private static String text(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        if (v instanceof double[] d) {
            return java.util.Arrays.toString(d);
        }
        if (v instanceof int[] d) {
            return java.util.Arrays.toString(d);
        }
        return v.toString();
    }
}
