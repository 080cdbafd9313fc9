package lowrot.app;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import lowrot.core.DataSpec;
import lowrot.core.Dataset;
import lowrot.core.DatasetKind;
import lowrot.core.RunConfig;
import lowrot.core.Snapshot;
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

    CircleInteraction(LabSession session, BitmapView view, ContextMenu exportMenu) {
        this.session = session;
        this.view = view;
        hover.getStyleClass().add("hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        view.getChildren().add(hover);
        view.setOnMouseMoved(this::onHover);
        view.setOnMouseExited(e -> hover.setVisible(false));
        view.setOnMouseClicked(this::onClick);
        view.setOnContextMenuRequested(e -> {
            if (layout().nearestPoint(session.data().train(), e.getX(), e.getY(), PICK_PIXELS) < 0) {
                exportMenu.show(view, e.getScreenX(), e.getScreenY());
            }
        });
    }

    private CircleLayout layout() {
        return new CircleLayout(view.getWidth(), view.getHeight());
    }

    private void onHover(MouseEvent e) {
        Snapshot latest = session.latest();
        if (latest == null) {
            return;
        }
        CircleLayout.Plane plane = session.pictures().circleOptions().plane();
        int j = layout().nearestNeuron(latest, plane, e.getX(), e.getY(), 9);
        if (j < 0) {
            hover.setVisible(false);
            return;
        }
        hover.setText(String.format(
                "neuron %d%nangle %.2f°%nrotation since init %.3f°%n|a_j| = %s%n‖v_j‖ = %s",
                j,
                Math.toDegrees(plane.angle(latest, j)),
                Math.toDegrees(latest.rotation(j)),
                ChartSet.fmt(Math.abs(latest.a(j))),
                ChartSet.fmt(latest.innerNorm(j))));
        hover.relocate(e.getX() + 14, e.getY() + 10);
        hover.setVisible(true);
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
