package lowrot.app;

import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import lowrot.io.ConfigException;
import lowrot.io.LabConfig;
import lowrot.io.Setting;

/**
 * A typed field bound to one configuration setting: commits on Enter or when focus leaves, and
 * shows any problem (wrong type, out of range) in red right under the field, keeping the run as it
 * was.
 */
final class SettingField extends VBox {
    private final Setting setting;
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final Function<LabConfig, String> commit;
    private final String label;
    private LabConfig shown;

    /**
     * @param commit applies a candidate config; returns null if it was accepted, or the problem to
     *               show under the field
     */
    SettingField(String label, String path, String tooltip, Function<LabConfig, String> commit) {
        this.setting = Setting.find(path);
        if (setting == null) {
            throw new IllegalArgumentException("no setting " + path);
        }
        this.commit = commit;
        this.label = label;
        Label name = new Label(label);
        field.setId(path.replace('.', '-'));
        field.setPrefColumnCount(8);
        field.setTooltip(new Tooltip(tooltip));
        name.setTooltip(new Tooltip(tooltip));
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        field.setOnAction(e -> apply());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                apply();
            }
        });
        setSpacing(2);
        getChildren().addAll(name, field, error);
    }

    TextField field() {
        return field;
    }

    Label error() {
        return error;
    }

    String path() {
        return setting.path();
    }

    /** Shows the config's value (without committing). */
    void show(LabConfig config) {
        shown = config;
        Object v = setting.get(config);
        String text = v == null
                ? ""
                : v instanceof java.util.List<?> l
                        ? l.toString().replaceAll("[\\[\\]]", "")
                        : v instanceof Double dbl ? format(dbl) : v.toString();
        // Setting an equal text still replaces the content (and re-lays the field out): skip it.
        if ((!field.isFocused() || !error.isVisible()) && !text.equals(field.getText())) {
            field.setText(text);
        }
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private void apply() {
        if (shown == null) {
            return;
        }
        String problem;
        String text = field.getText().trim();
        try {
            Object value = parse(text);
            if (java.util.Objects.equals(value, setting.get(shown))) {
                clearError();
                return;
            }
            problem = commit.apply(setting.set(shown, value));
        } catch (ConfigException e) {
            problem = String.join("; ", e.problems());
        }
        if (problem != null) {
            problem = inWords(problem, text);
        }
        if (problem == null) {
            clearError();
        } else {
            error.setText(problem);
            error.setManaged(true);
            error.setVisible(true);
        }
    }

    /**
     * The typed value; a whole-number field also takes a whole number written as a decimal ("1e6"), and one too
     * large for its type is passed on at the type's limit so that the range check names the allowed range.
     */
    private Object parse(String text) throws ConfigException {
        try {
            return setting.parse(text);
        } catch (ConfigException e) {
            boolean whole =
                    setting.type() == lowrot.io.Setting.Type.INT || setting.type() == lowrot.io.Setting.Type.LONG;
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                throw e;
            }
            if (!whole || !Double.isFinite(v) || v != Math.rint(v)) {
                throw e;
            }
            if (setting.type() == lowrot.io.Setting.Type.INT) {
                return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
            }
            return (long) v;
        }
    }

    /**
     * A problem in the window's words: the field's label instead of the config key, the typed text instead of a
     * value clamped while parsing, and "is not a …" instead of "expected a …".
     */
    String inWords(String problem, String typed) {
        String key = setting.path();
        String out = problem.replaceAll(
                java.util.regex.Pattern.quote(key) + " = (-?[0-9]+) is out of range",
                java.util.regex.Matcher.quoteReplacement(label + ": " + typed + " is out of range"));
        out = out.replace(key + " = \"" + typed + "\": expected a ", label + ": \"" + typed + "\" is not a ");
        return out.replace(key + " = ", label + ": ").replace(key + " ", label + " ");
    }

    void clearError() {
        error.setText("");
        error.setManaged(false);
        error.setVisible(false);
    }
}
