package lowrot.app;

import lowrot.core.data.Dataset;
import lowrot.core.train.Snapshot;
import lowrot.render.ChartOptions;
import lowrot.render.CircleRenderer;
import lowrot.render.CircleScene;
import lowrot.render.Trails;

/**
 * What the figures show, as part of the session model (no Nodes): the circle view's options and recent
 * trails, the charts' options, the scenes handed to the painter, and when to compute the tangent-kernel
 * margin and the region shading (through {@link ReferenceWork}). Runs on the session's thread.
 */
final class Pictures {
    static final int TRAIL_LENGTH = 24;

    private final LabSession session;
    private final ReferenceWork work;
    private CircleScene.Options circle = CircleScene.Options.defaults();
    private ChartOptions charts = ChartOptions.defaults();
    private Trails trails;

    Pictures(LabSession session, ReferenceWork work) {
        this.session = session;
        this.work = work;
    }

    /** Trails start afresh for a network of width m. */
    void newTrails(int m) {
        trails = new Trails(m, TRAIL_LENGTH);
    }

    /** Adds a snapshot's neuron positions (in the current view plane) to the trails. */
    void trail(Snapshot s) {
        trails.add(s, circle.plane());
    }

    void clearTrails() {
        trails.clear();
    }

    /** Changes what the circle view shows; a new plane restarts the trails, shading switched on is computed. */
    void setCircleOptions(CircleScene.Options value) {
        boolean newPlane = !value.plane().equals(circle.plane());
        boolean regionsOn = value.regions() && !circle.regions();
        circle = value;
        if (newPlane && trails != null) {
            trails.clear();
        }
        if (regionsOn) {
            requestRegions();
        }
        session.frameChanged();
    }

    CircleScene.Options circleOptions() {
        return circle;
    }

    void setChartOptions(ChartOptions value) {
        charts = value;
        session.chartsChanged();
    }

    ChartOptions chartOptions() {
        return charts;
    }

    /** What the circle view draws for a snapshot (sharing the trails: draw it on the session's thread). */
    CircleScene scene(Snapshot snap) {
        return new CircleScene(
                snap,
                session.data().train(),
                trails,
                work.regions(),
                work.refs().global(),
                circle,
                caption(snap));
    }

    /** The latest snapshot's scene with its own copy of the trails, drawable on any thread. */
    CircleScene sceneCopy() {
        Snapshot latest = session.latest();
        return new CircleScene(
                latest,
                session.data().train(),
                trails == null ? null : trails.copy(),
                work.regions(),
                work.refs().global(),
                circle,
                caption(latest));
    }

    private String caption(Snapshot snap) {
        return CircleRenderer.caption(session.config().run().training().regime(), snap);
    }

    /** Computes the tangent-kernel margin of the latest snapshot now and then (see {@link ReferenceWork}). */
    void maybeTangent(long now) {
        if (!session.replaying()) {
            work.maybeTangent(
                    now,
                    session.latest(),
                    session.transport().playing(),
                    session.data().train(),
                    session.config().ntkTolerance());
        }
    }

    /** Samples f on a grid for the region shading of the latest snapshot, if the view allows shading. */
    void requestRegions() {
        work.requestRegions(session.latest(), regionFixedCoordinates());
    }

    /** Coordinates beyond the view plane for region shading: none for d = 2, the bias coordinate for d = 3. */
    private double[] regionFixedCoordinates() {
        Dataset train = session.data().train();
        if (train.d() == 2) {
            return new double[0];
        }
        if (train.d() == 3 && train.n() > 0 && session.config().run().dataset().bias() > 0) {
            return new double[] {train.x(0, 2)};
        }
        return null;
    }
}
