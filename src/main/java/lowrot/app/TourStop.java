package lowrot.app;

import lowrot.io.LabConfig;
import lowrot.render.ChartSet;

/**
 * One stop of the tour of the paper: what it loads and plays, which figure it points at, and its title.
 * Its sentences are {@link TourText}'s, written from the live run.
 *
 * @param title        shown above the sentences
 * @param config       the run the stop loads, or null to keep the current one (the last stop's shipped results)
 * @param targetTime   the GF time τ the run plays to and pauses at
 * @param pace         τ-decades per second, one of the speed menu's values, so it is watchable
 * @param focus        the chart the sentences talk about; null with {@code circle} for the circle view; null
 *                     without it for none
 * @param circle       the focus is the circle view
 * @param learnedPlane the circle view projects on the network's learned plane
 */
record TourStop(
        String title,
        LabConfig config,
        double targetTime,
        double pace,
        ChartSet.Panel focus,
        boolean circle,
        boolean learnedPlane) {

    /** Whether the stop loads and plays a run of its own. */
    boolean live() {
        return config != null;
    }

    /** Whether a live figure is outlined. */
    boolean pointsAtFigure() {
        return circle || focus != null;
    }
}
