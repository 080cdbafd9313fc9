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
        String text = v == null ? "" : v instanceof java.util.List<?> l ? l.toString().replaceAll("[\\[\\]]", "")
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
        try {
            Object value = setting.parse(field.getText());
            if (java.util.Objects.equals(value, setting.get(shown))) {
                clearError();
                return;
            }
            problem = commit.apply(setting.set(shown, value));
        } catch (ConfigException e) {
            problem = String.join("; ", e.problems());
        }
        if (problem == null) {
            clearError();
        } else {
            error.setText(problem);
            error.setManaged(true);
            error.setVisible(true);
        }
    }

    void clearError() {
        error.setText("");
        error.setManaged(false);
        error.setVisible(false);
    }
}
