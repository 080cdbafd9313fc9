package lowrot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.InnerScale;
import lowrot.core.model.Loss;
import lowrot.core.model.Optimizer;
import lowrot.core.model.OuterInit;
import lowrot.core.model.OutputScale;
import lowrot.core.model.Regime;
import lowrot.core.model.RunConfig;
import lowrot.core.util.Problems;
import lowrot.io.LabConfig;
import lowrot.io.Setting;
import lowrot.render.ChartSet;

/**
 * The left panel: regime, data, network, training and seed settings (each bound to a {@link Setting}),
 * with the View section below. A change that is not allowed shows its message under the field and the
 * run goes on unchanged. To add a control: add its {@link Setting} and one line here. FX thread only.
 */
final class ControlPanel {
    private final LabSession session;
    private final List<SettingField> fields = new ArrayList<>();
    private final List<Runnable> refreshers = new ArrayList<>();
    /** The label each setting has in this panel, by config key (for messages about what changed). */
    private final java.util.Map<String, String> labels = new java.util.HashMap<>();

    private final Slider widthSlider = new Slider(1, 14, 6);
    private final Slider etaSlider = new Slider(-4, 1, Math.log10(0.5));
    private static final String REGIME_TIP =
            "Pick a regime; each sets data, width and optimizer to a setting that shows it.";
    private final ComboBox<Regime> regimeBox = new ComboBox<>();
    /** The width and step size in force (the sliders stop at 16384 and 10; a typed value may lie beyond). */
    private final Label widthValue = new Label();

    private final Label etaValue = new Label();
    private final VBox box = new VBox(8);
    private boolean updating;

    ControlPanel(LabSession session, ViewPanel view) {
        this.session = session;
        box.setPadding(new Insets(8));
        regimeBox.getItems().addAll(Regime.values());
        labels.put("training.regime", "regime");
        regimeBox.setId("regime");
        regimeBox.setConverter(Controls.labelled(Regime::label, Regime.values()));
        Tooltip regimeTip = new Tooltip(REGIME_TIP);
        regimeTip.setWrapText(true);
        regimeTip.setMaxWidth(420);
        regimeBox.setTooltip(regimeTip);
        regimeBox.setMaxWidth(Double.MAX_VALUE);
        regimeBox.setOnAction(e -> {
            if (regimeBox.getValue() != null) {
                regimeBox
                        .getTooltip()
                        .setText(REGIME_TIP + "\n\n" + lowrot.core.model.RegimePresets.note(regimeBox.getValue()));
            }
            if (!updating && regimeBox.getValue() != null) {
                LabConfig before = session.config();
                String problem = session.applyPreset(regimeBox.getValue());
                note(problem);
                if (problem == null) {
                    String changed = SettingsChange.describe(before, session.config(), labels);
                    session.settingsNote(regimeBox.getValue().label() + " preset — "
                            + (changed.isEmpty() ? "nothing changed" : changed)
                            + ". Ctrl+Z brings the previous settings back.");
                }
            }
        });
        box.getChildren().addAll(new Label("Regime"), regimeBox);

        VBox dataBox = new VBox(6);
        dataBox.getChildren()
                .add(enumChoice(
                        "Data set",
                        "dataset.kind",
                        DatasetKind.values(),
                        DatasetKind::label,
                        "The regime presets pick one that shows the regime."));
        dataBox.getChildren()
                .addAll(
                        field("dimension d", "dataset.d", ""),
                        field("training points n", "dataset.n", ""),
                        field("test points", "dataset.nTest", "Held out, drawn the same way."),
                        field("label noise", "dataset.labelNoise", ""),
                        field("groups r", "dataset.groups", ""),
                        field("spread ρ", "dataset.spread", ""),
                        field("gap (degrees)", "dataset.gapDegrees", ""),
                        field("sectors k", "dataset.sectors", ""),
                        field("bias coordinate c", "dataset.bias", "A bias in disguise."));
        box.getChildren().add(Controls.titled("Data", dataBox));

        VBox netBox = new VBox(6);
        widthSlider.setId("widthSlider");
        widthSlider.setMajorTickUnit(1);
        widthSlider.setMinorTickCount(0);
        widthSlider.setSnapToTicks(true);
        widthSlider.setShowTickMarks(true);
        widthSlider.setTooltip(
                new Tooltip("Width m on a log scale (2 to 16384); the run restarts when you release it."));
        widthValue.setId("widthValue");
        widthSlider
                .valueProperty()
                .addListener((o, a, b) -> widthValue.setText("m = " + (1 << (int) Math.round(b.doubleValue()))));
        widthSlider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                commitWidthSlider();
            }
        });
        widthSlider.setOnMouseReleased(e -> commitWidthSlider());
        widthSlider.setOnKeyReleased(e -> commitWidthSlider());
        netBox.getChildren()
                .addAll(
                        new HBox(8, new Label("width"), widthValue),
                        widthSlider,
                        field("width m", "network.width", "Typed exactly (the slider above stops at 16384)."),
                        enumChoice(
                                "output scale s",
                                "network.outputScale",
                                OutputScale.values(),
                                OutputScale::label,
                                "The factor s in f = s·Σ a_j σ(v_j·x)."),
                        enumChoice("outer init a", "network.outerInit", OuterInit.values(), OuterInit::label, ""),
                        enumChoice("inner init σ_v", "network.innerScale", InnerScale.values(), InnerScale::label, ""),
                        field("init scale α", "network.initScale", ""),
                        check("symmetric pairs", "network.symmetricPairs", ""),
                        check("outer layer trains", "training.outerTrainable", ""));
        box.getChildren().add(Controls.titled("Network", netBox));

        VBox trainBox = new VBox(6);
        etaSlider.setId("etaSlider");
        etaSlider.setTooltip(
                new Tooltip("Step size η on a log scale (1e-4 to 10); takes effect at once, even while running."));
        etaValue.setId("etaValue");
        etaSlider
                .valueProperty()
                .addListener((o, a, b) -> etaValue.setText("η = " + ChartSet.fmt(Math.pow(10, b.doubleValue()))));
        etaSlider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                commitEta(Math.pow(10, etaSlider.getValue()));
            }
        });
        etaSlider.setOnMouseReleased(e -> commitEta(Math.pow(10, etaSlider.getValue())));
        trainBox.getChildren()
                .addAll(
                        enumChoice(
                                "optimizer",
                                "training.optimizer",
                                Optimizer.values(),
                                Optimizer::label,
                                "Gradient flow (full batch), loss-normalised gradient flow, or SGD."),
                        field("batch size b", "training.batchSize", ""),
                        enumChoice("loss", "training.loss", Loss.values(), Loss::label, ""),
                        new HBox(8, new Label("step size"), etaValue),
                        etaSlider,
                        stepSizeField());
        box.getChildren().add(Controls.titled("Training", trainBox));

        VBox seedBox = new VBox(6);
        Button newSeeds = new Button("New seeds");
        newSeeds.setId("newSeeds");
        newSeeds.setTooltip(new Tooltip("Draw new data and initialization seeds."));
        newSeeds.setOnAction(e -> {
            LabConfig c = session.config();
            RunConfig rc = c.run();
            long s = System.nanoTime();
            note(session.tryConfig(
                    c.withRun(rc.withSeeds(Math.floorMod(s, 1_000_000L), Math.floorMod(s / 7, 1_000_000L)))));
        });
        seedBox.getChildren()
                .addAll(field("data seed", "seeds.data", ""), field("init seed", "seeds.init", ""), newSeeds);
        box.getChildren().add(Controls.titled("Seeds", seedBox));
        box.getChildren().add(Controls.titled("View", view.node()));
    }

    Node node() {
        return box;
    }

    /** What changed from one config to another, in this panel's labels. */
    String describeChange(LabConfig before, LabConfig after) {
        return SettingsChange.describe(before, after, labels);
    }

    private void note(String problem) {
        if (problem != null) {
            session.note(problem);
            refresh();
        }
    }

    /**
     * A control's tooltip: its setting's description (the text of docs/config.md, one source for both) and, when
     * not empty, what the control adds to it.
     */
    static String tip(String path, String extra) {
        String d = Setting.find(path).description();
        return Character.toUpperCase(d.charAt(0)) + d.substring(1) + "." + (extra.isEmpty() ? "" : " " + extra);
    }

    private SettingField field(String label, String path, String extra) {
        SettingField f = new SettingField(label, path, tip(path, extra), session::tryConfig);
        labels.put(path, label);
        fields.add(f);
        return f;
    }

    private SettingField stepSizeField() {
        SettingField f = new SettingField(
                "step size η",
                "training.stepSize",
                tip("training.stepSize", "Typed exactly; takes effect at once, even while running."),
                candidate -> {
                    Problems p = candidate.validate();
                    if (!p.isEmpty()) {
                        return String.join("; ", p.messages());
                    }
                    commitEta(candidate.run().training().stepSize());
                    return null;
                });
        fields.add(f);
        return f;
    }

    /** Changes η of the running network without restarting it. */
    void commitEta(double eta) {
        if (updating) {
            return;
        }
        String problem = session.commitEta(eta);
        if (problem != null) {
            session.note(problem);
        }
        refresh();
    }

    private void commitWidthSlider() {
        if (updating) {
            return;
        }
        LabConfig c = session.config();
        int m = 1 << (int) Math.round(widthSlider.getValue());
        if (m != c.run().network().width()) {
            note(session.tryConfig(
                    c.withRun(c.run().withNetwork(c.run().network().withWidth(m)))));
        }
    }

    /** Moves the width slider as a drag would, and commits it as a release does. */
    void setWidthSlider(double log2) {
        widthSlider.setValue(log2);
        commitWidthSlider();
    }

    private <E extends Enum<E>> Node enumChoice(
            String label, String path, E[] values, Function<E, String> name, String extra) {
        Setting s = Setting.find(path);
        labels.put(path, label);
        ComboBox<E> combo = new ComboBox<>();
        combo.getItems().addAll(values);
        combo.setId(path.replace('.', '-'));
        combo.setConverter(Controls.labelled(name, values));
        combo.setTooltip(new Tooltip(tip(path, extra)));
        combo.setMaxWidth(Double.MAX_VALUE);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        combo.setOnAction(e -> {
            if (updating || combo.getValue() == null || combo.getValue() == s.get(session.config())) {
                return;
            }
            String problem = session.tryConfig(s.set(session.config(), combo.getValue()));
            error.setText(problem == null ? "" : problem);
        });
        refreshers.add(() -> {
            @SuppressWarnings("unchecked")
            E v = (E) s.get(session.config());
            combo.setValue(v);
        });
        return new VBox(2, new Label(label), combo, error);
    }

    private Node check(String label, String path, String extra) {
        Setting s = Setting.find(path);
        labels.put(path, label);
        CheckBox check = new CheckBox(label);
        check.setId(path.replace('.', '-'));
        check.setTooltip(new Tooltip(tip(path, extra)));
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        check.setOnAction(e -> {
            if (updating) {
                return;
            }
            String problem = session.tryConfig(s.set(session.config(), check.isSelected()));
            error.setText(problem == null ? "" : problem);
            if (problem != null) {
                check.setSelected((Boolean) s.get(session.config()));
            }
        });
        refreshers.add(() -> check.setSelected((Boolean) s.get(session.config())));
        return new VBox(2, check, error);
    }

    /** Every control shows the session's config again (without committing anything). */
    void refresh() {
        updating = true;
        try {
            LabConfig c = session.config();
            for (SettingField f : fields) {
                f.show(c);
                // Only what applies to this data set and optimizer is shown (the values are kept).
                boolean applies = Applicability.applies(f.path(), c);
                f.setVisible(applies);
                f.setManaged(applies);
            }
            for (Runnable r : refreshers) {
                r.run();
            }
            regimeBox.setValue(c.run().training().regime());
            int m = c.run().network().width();
            double log = Math.log(m) / Math.log(2);
            widthSlider.setValue(Math.max(1, Math.min(14, Math.round(log))));
            etaSlider.setValue(
                    Math.max(-4, Math.min(1, Math.log10(c.run().training().stepSize()))));
            widthValue.setText("m = " + m);
            etaValue.setText("η = " + ChartSet.fmt(c.run().training().stepSize()));
        } finally {
            updating = false;
        }
    }
}
