package lowrot.app;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import lowrot.core.util.Problems;
import lowrot.render.ChartOptions;
import lowrot.render.CircleLayout;
import lowrot.render.CircleScene;

/** The View section of the control panel: what the circle view and the charts show. FX thread only. */
final class ViewPanel {
    private final LabSession session;
    private final VBox box = new VBox(6);
    private final CheckBox learned = new CheckBox("learned plane (d > 2)");
    private final TextField axisA = new TextField("1");
    private final TextField axisB = new TextField("2");

    ViewPanel(LabSession session) {
        this.session = session;
        CheckBox rose = check(
                "rose of angles",
                "Histogram of neuron angles, weighted by |a|‖v‖.",
                false,
                v -> options(o -> o.withRose(v)));
        CheckBox regions = check(
                "decision regions",
                "Shade the disk by the sign and size of f (d = 2).",
                false,
                v -> options(o -> o.withRegions(v)));
        CheckBox optimal = check(
                "optimal network", "Spokes of the global-margin solution.", true, v -> options(o -> o.withOptimal(v)));
        CheckBox trails = check(
                "trails", "Fading trails of each neuron's recent positions.", true, v -> options(o -> o.withTrails(v)));
        ComboBox<CircleScene.NeuronView> neurons = new ComboBox<>();
        neurons.setId("neuronView");
        neurons.getItems().addAll(CircleScene.NeuronView.values());
        neurons.setValue(CircleScene.NeuronView.AUTO);
        neurons.setConverter(Controls.labelled(CircleScene.NeuronView::label, CircleScene.NeuronView.values()));
        neurons.setTooltip(new Tooltip("Neurons as dots (distance from the circle ∝ |a|‖v‖), or as bars around the"
                + " circle summing |a|‖v‖ by direction — readable at thousands of neurons."));
        neurons.setMaxWidth(Double.MAX_VALUE);
        neurons.setOnAction(e -> options(o -> o.withNeurons(neurons.getValue())));
        ChartOptions charts = session.pictures().chartOptions();
        ComboBox<ChartOptions.XAxis> xAxis = new ComboBox<>();
        xAxis.getItems().addAll(ChartOptions.XAxis.values());
        xAxis.setValue(charts.xAxis());
        xAxis.setConverter(Controls.labelled(ChartOptions.XAxis::label, ChartOptions.XAxis.values()));
        xAxis.setTooltip(new Tooltip("Plot the charts against GF time τ or against steps."));
        xAxis.setOnAction(e -> session.pictures()
                .setChartOptions(session.pictures().chartOptions().withXAxis(xAxis.getValue())));
        CheckBox logX = new CheckBox("log x axis");
        logX.setSelected(charts.logX());
        logX.setTooltip(new Tooltip("Logarithmic x axis: the slow margin growth shows as a line."));
        logX.setOnAction(e -> session.pictures()
                .setChartOptions(session.pictures().chartOptions().withLogX(logX.isSelected())));
        ComboBox<ChartOptions.MarginUnit> unit = new ComboBox<>();
        unit.setId("marginUnit");
        unit.getItems().addAll(ChartOptions.MarginUnit.values());
        unit.setValue(charts.marginUnit());
        unit.setConverter(Controls.labelled(ChartOptions.MarginUnit::label, ChartOptions.MarginUnit.values()));
        unit.setTooltip(new Tooltip("Which normalized margin the margin chart shows."));
        unit.setOnAction(e -> session.pictures()
                .setChartOptions(session.pictures().chartOptions().withMarginUnit(unit.getValue())));
        axisA.setId("planeA");
        axisB.setId("planeB");
        axisA.setPrefColumnCount(3);
        axisB.setPrefColumnCount(3);
        Tooltip planeTip = new Tooltip("For d > 2: the coordinate plane e_a–e_b the circle view projects onto.");
        axisA.setTooltip(planeTip);
        axisB.setTooltip(planeTip);
        Label planeError = new Label();
        planeError.getStyleClass().add("field-error");
        planeError.setWrapText(true);
        javafx.event.EventHandler<javafx.event.ActionEvent> setPlane = e -> {
            String problem = setPlane(axisA.getText(), axisB.getText());
            planeError.setText(problem == null ? "" : problem);
        };
        axisA.setOnAction(setPlane);
        axisB.setOnAction(setPlane);
        learned.setId("learnedPlane");
        learned.setTooltip(new Tooltip("Project on the top two principal directions of the neuron directions, "
                + "weighted by |a_j|‖v_j‖ (an SVD): the plane the network selected. The legend under the circle "
                + "gives its overlap with the e1–e2 plane (1 = the same plane)."));
        learned.setOnAction(e -> showLearnedPlane(learned.isSelected()));
        box.getChildren()
                .addAll(
                        new Label("neurons"),
                        neurons,
                        rose,
                        regions,
                        optimal,
                        trails,
                        new Label("view plane (axes a, b)"),
                        new HBox(6, axisA, axisB),
                        learned,
                        planeError,
                        new Label("x axis"),
                        xAxis,
                        logX,
                        new Label("margin"),
                        unit);
    }

    Node node() {
        return box;
    }

    private void options(Function<CircleScene.Options, CircleScene.Options> change) {
        session.pictures().setCircleOptions(change.apply(session.pictures().circleOptions()));
    }

    /** Ticks or clears "learned plane" as a click would (the tour's parity stop). */
    void showLearnedPlane(boolean on) {
        learned.setSelected(on);
        setLearnedPlane(on);
        axisA.setDisable(on);
        axisB.setDisable(on);
    }

    /** Projects the circle view on the network's learned plane, or back on the typed coordinate plane. */
    void setLearnedPlane(boolean on) {
        CircleLayout.Plane p = session.pictures().circleOptions().plane();
        options(o -> o.withPlane(new CircleLayout.Plane(p.a(), p.b(), on)));
    }

    /** Sets the view plane from typed 1-based axes; returns the problem, or null. */
    String setPlane(String a, String b) {
        int d = session.data().train().d();
        try {
            int ia = Integer.parseInt(a.trim());
            int ib = Integer.parseInt(b.trim());
            Problems p = new Problems()
                    .range("view plane axis a", ia, 1, d)
                    .range("view plane axis b", ib, 1, d)
                    .require(ia != ib, "view plane: axes a and b must differ");
            if (!p.isEmpty()) {
                return String.join("; ", p.messages());
            }
            options(o -> o.withPlane(new CircleLayout.Plane(ia - 1, ib - 1)));
            return null;
        } catch (NumberFormatException e) {
            return "view plane: axes are whole numbers from 1 to " + d;
        }
    }

    private static CheckBox check(String label, String tip, boolean initial, Consumer<Boolean> apply) {
        CheckBox box = new CheckBox(label);
        box.setSelected(initial);
        box.setTooltip(new Tooltip(tip));
        box.setOnAction(e -> apply.accept(box.isSelected()));
        return box;
    }
}
