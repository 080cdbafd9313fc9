package lowrot.app;

import java.util.List;
import lowrot.core.data.DatasetKind;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.margin.TangentPoint;
import lowrot.core.train.Metrics;
import lowrot.render.ChartOptions;
import lowrot.render.ChartSet;

/**
 * What the charts show, as immutable copies drawable on any thread: the metric history, the tangent-kernel points,
 * the reference margins, the axes, the run's kind, the pinned runs and the snapshot whose rotations the
 * rotation-per-neuron chart spreads out (null before the first). The live charts and the exports take the same
 * inputs from the session.
 */
record ChartInputs(
        List<Metrics> points,
        List<TangentPoint> tangent,
        ReferenceMargins refs,
        ChartOptions options,
        boolean outerTrainable,
        DatasetKind kind,
        List<ChartSet.Pin> pins,
        lowrot.core.train.Snapshot snapshot) {

    /** The session's chart inputs now (call on the session's thread). */
    static ChartInputs of(LabSession session) {
        var c = session.config().run();
        return new ChartInputs(
                List.copyOf(session.history().points()),
                List.copyOf(session.tangent()),
                session.refs(),
                session.pictures().chartOptions(),
                c.training().outerTrainable(),
                c.dataset().kind(),
                session.pins(),
                session.latest());
    }

    /** Fills the charts with these inputs (their axes are set by the caller). */
    void fill(ChartSet charts) {
        charts.setPins(pins);
        charts.update(points, tangent, refs, outerTrainable, kind);
        charts.setSpread(snapshot == null ? null : lowrot.core.train.RotationSpread.of(snapshot));
    }
}
