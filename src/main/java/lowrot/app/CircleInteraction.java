package lowrot.app;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import lowrot.core.data.DataSpec;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Snapshot;
import lowrot.io.LabConfig;
import lowrot.render.ChartSet;
import lowrot.render.CircleLayout;

/**
 * The mouse on the circle view: hover a neuron for its numbers; in d = 2, click to add a +1 point,
 * shift-click a −1 point, right-click a point to remove it (elsewhere the export menu). The geometry
 * lives in {@link CircleLayout}. FX thread only.
 */
final class CircleInteraction {
    private static final double PICK_PIXELS = 12;
    private final LabSession session;
    private final BitmapView view;
    private final Label hover = new Label();
    /** Where the pointer last was over the view, and whether it still is. */
    private double pointerX;

    private double pointerY;
    private boolean pointerInside;

    CircleInteraction(LabSession session, BitmapView view, ContextMenu exportMenu) {
        this.session = session;
        this.view = view;
        hover.getStyleClass().add("hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        view.getChildren().add(hover);
        view.setOnMouseMoved(e -> {
            pointerX = e.getX();
            pointerY = e.getY();
            pointerInside = true;
            updateHover();
        });
        view.setOnMouseExited(e -> {
            pointerInside = false;
            hover.setVisible(false);
        });
        view.setOnMouseClicked(this::onClick);
        view.setOnContextMenuRequested(e -> {
            if (layout().nearestPoint(session.data().train(), e.getX(), e.getY(), PICK_PIXELS) < 0) {
                exportMenu.show(view, e.getScreenX(), e.getScreenY());
            }
        });
    }

    private CircleLayout layout() {
        return lowrot.render.CircleRenderer.layout(
                view.getWidth(), view.getHeight(), session.pictures().circleOptions());
    }

    /**
     * A new picture was drawn: the label describes the neuron under the resting pointer now (another one, or none,
     * once the run has moved them), not the one that was there when the pointer last moved.
     */
    void pictureChanged() {
        if (pointerInside) {
            updateHover();
        }
    }

    /** The label's text now, or null while it is hidden (for tests). */
    String hoverText() {
        return hover.isVisible() ? hover.getText() : null;
    }

    private void updateHover() {
        Snapshot latest = session.latest();
        if (latest == null) {
            hover.setVisible(false);
            return;
        }
        double x = pointerX;
        double y = pointerY;
        CircleLayout.Plane plane = session.pictures().circleOptions().plane();
        // Drawn as a density there are no dots to point at.
        int j = session.pictures().circleOptions().density(latest.width())
                ? -1
                : layout().nearestNeuron(latest, plane, x, y, 9);
        if (j < 0) {
            hover.setVisible(false);
            return;
        }
        // In the no-rotation regime a norm that changed sign points the other way along the same line.
        String flipped = latest.frozenDirections() && latest.rotation(j) == Math.PI
                ? " (b_j changed sign; its line has not turned)"
                : "";
        hover.setText(String.format(
                "neuron %d%nangle %.2f°%nrotation since init %.3f°%s%n|a_j| = %s%n‖v_j‖ = %s",
                j,
                Math.toDegrees(plane.angle(latest, j)),
                Math.toDegrees(latest.rotation(j)),
                flipped,
                ChartSet.fmt(Math.abs(latest.a(j))),
                ChartSet.fmt(latest.innerNorm(j))));
        hover.applyCss();
        double[] at = within(x, y, hover.prefWidth(-1), hover.prefHeight(-1), view.getWidth(), view.getHeight());
        hover.relocate(at[0], at[1]);
        hover.setVisible(true);
    }

    /**
     * Where a w × h label next to the pointer (x, y) goes so that it stays inside a viewW × viewH view: below and
     * to the right, or flipped to the left and/or above near the right and bottom edges.
     */
    static double[] within(double x, double y, double w, double h, double viewW, double viewH) {
        double left = x + 14 + w <= viewW ? x + 14 : x - 14 - w;
        double top = y + 10 + h <= viewH ? y + 10 : y - 10 - h;
        return new double[] {Math.max(0, left), Math.max(0, top)};
    }

    /** d = 2 editing: click adds a +1 point, shift-click a −1 point, right-click removes the nearest. */
    private void onClick(MouseEvent e) {
        Dataset train = session.data().train();
        if (train.d() != 2 || e.isStillSincePress() && e.getClickCount() != 1) {
            return;
        }
        CircleLayout layout = layout();
        double[] uv = layout.toPlane(e.getX(), e.getY());
        Dataset edited;
        try {
            if (e.getButton() == MouseButton.SECONDARY) {
                int i = layout.nearestPoint(train, e.getX(), e.getY(), PICK_PIXELS);
                if (i < 0) {
                    return;
                }
                if (train.n() <= 2) {
                    session.note("a data set keeps at least two points");
                    return;
                }
                edited = train.minus(i);
            } else if (e.getButton() == MouseButton.PRIMARY) {
                if (uv[0] * uv[0] + uv[1] * uv[1] > 1) {
                    session.note("points must lie in the unit disk: click inside the circle");
                    return;
                }
                edited = train.plus(uv, e.isShiftDown() ? -1 : 1);
            } else {
                return;
            }
            double[][] points = new double[edited.n()][];
            for (int i = 0; i < edited.n(); i++) {
                points[i] = edited.point(i);
            }
            edited = Dataset.fromPoints(points, edited.copyY());
        } catch (IllegalArgumentException ex) {
            session.note(ex.getMessage());
            return;
        }
        LabConfig c = session.config();
        RunConfig rc = c.run();
        DataSpec spec = rc.dataset()
                .withKind(DatasetKind.POINTS)
                .withPoints(edited)
                .withD(2)
                .withN(edited.n())
                .withNTest(0)
                .withBias(0);
        String problem = session.tryConfig(c.withRun(rc.withDataset(spec)).withCsv(null));
        if (problem != null) {
            session.note(problem);
        }
    }
}
