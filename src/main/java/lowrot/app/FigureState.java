package lowrot.app;

import lowrot.core.Dataset;
import lowrot.core.GlobalMarginResult;
import lowrot.core.Snapshot;
import lowrot.render.ChartOptions;
import lowrot.render.CircleRenderer;
import lowrot.render.CircleScene;
import lowrot.render.RegionGrid;
import lowrot.render.Trails;

/**
 * What the figures show besides the run itself: the circle view's options and recent trails, and the
 * charts' options. Part of the session model (no Nodes); runs on the session's thread.
 */
final class FigureState {
    static final int TRAIL_LENGTH = 24;

    private CircleScene.Options circle = CircleScene.Options.defaults();
    private ChartOptions charts = ChartOptions.defaults();
    private Trails trails;

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

    /**
     * Changes the circle view's options; a new plane restarts the trails. Returns true when the region
     * shading was just switched on (so the caller computes it).
     */
    boolean setCircle(CircleScene.Options value) {
        boolean newPlane = !value.plane().equals(circle.plane());
        boolean regionsOn = value.regions() && !circle.regions();
        circle = value;
        if (newPlane && trails != null) {
            trails.clear();
        }
        return regionsOn;
    }

    CircleScene.Options circle() {
        return circle;
    }

    void setCharts(ChartOptions value) {
        charts = value;
    }

    ChartOptions charts() {
        return charts;
    }

    /** The circle scene of a snapshot, sharing these trails (draw it on this thread only). */
    CircleScene scene(Snapshot snap, Dataset train, RegionGrid regions, GlobalMarginResult optimal, String caption) {
        return new CircleScene(snap, train, trails, regions, optimal, circle, caption);
    }

    /** The same with its own copy of the trails, drawable on any thread. */
    CircleScene sceneCopy(
            Snapshot snap, Dataset train, RegionGrid regions, GlobalMarginResult optimal, String caption) {
        return new CircleScene(snap, train, trails == null ? null : trails.copy(), regions, optimal, circle, caption);
    }

    /** The caption above the circle for a snapshot of a run in the given regime. */
    static String caption(lowrot.core.Regime regime, Snapshot snap) {
        return CircleRenderer.caption(regime, snap);
    }
}
