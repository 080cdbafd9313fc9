package lowrot.app;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Metrics;
import lowrot.render.ChartSet;

/** The runs pinned on the charts, oldest first, at most {@link ChartSet#MAX_PINS} (the oldest goes). */
final class Pins {
    private final List<ChartSet.Pin> pins = new ArrayList<>();

    /**
     * Pins a run's metric rows, labelled by regime, width and η; returns the label with the regime and the step
     * reached, or null when there are no rows yet.
     */
    String pin(RunConfig rc, double stepSize, List<Metrics> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        ChartSet.Pin p = ChartSet.Pin.of(rc.training().regime(), rc.network().width(), stepSize, rows);
        pins.add(p);
        while (pins.size() > ChartSet.MAX_PINS) {
            pins.remove(0);
        }
        return p.label()
                + String.format(
                        ", %s (step %,d)",
                        rc.training().regime().label(),
                        rows.get(rows.size() - 1).step());
    }

    void clear() {
        pins.clear();
    }

    /** A copy, oldest first. */
    List<ChartSet.Pin> list() {
        return List.copyOf(pins);
    }
}
