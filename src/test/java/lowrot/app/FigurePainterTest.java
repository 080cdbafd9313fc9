package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Datasets;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Trainer;
import lowrot.render.CircleScene;
import lowrot.render.Trails;
import org.junit.jupiter.api.Test;

/** The painter's hand-off, with the FX side run by hand: latest request wins, one frame waits at a time. */
class FigurePainterTest {

    @Test
    void latestCircleRequestWinsAndOnlyOneFrameWaits() throws Exception {
        RunConfig c = RunConfig.defaults();
        DataSplit data = Datasets.generate(c.dataset(), c.dataSeed());
        Trainer t = new Trainer(c, data);
        FigurePainter.CircleRequest[] requests = new FigurePainter.CircleRequest[4];
        for (int i = 0; i < requests.length; i++) {
            CircleScene scene = new CircleScene(
                    t.snapshot(1),
                    data.train(),
                    new Trails(c.network().width(), 4),
                    null,
                    null,
                    CircleScene.Options.defaults(),
                    "request " + i);
            requests[i] = new FigurePainter.CircleRequest(scene, 120, 90, 1);
            t.step();
        }
        ManualExecutor fx = new ManualExecutor();
        List<FigurePainter.CircleFrame> shown = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        FigurePainter painter = new FigurePainter(fx, shown::add, f -> {}, failures::add, () -> {});
        try {
            painter.paintCircle(requests[0]);
            fx.awaitPending(1, 30);
            // Frame 0 waits for the FX thread: requests 1 and 2 arrive meanwhile; only 2 is drawn next.
            painter.paintCircle(requests[1]);
            painter.paintCircle(requests[2]);
            assertFalse(fx.queuedWithin(2, 2000), "no second frame is drawn while one waits");
            fx.runQueued();
            fx.awaitPending(1, 30);
            fx.runQueued();
            assertEquals(List.of(), failures);
            painter.paintCircle(requests[3]);
            fx.awaitPending(1, 30);
            fx.runQueued();
            assertEquals(
                    List.of(requests[0], requests[2], requests[3]),
                    shown.stream().map(FigurePainter.CircleFrame::request).toList(),
                    "request 1 was superseded before it was drawn");
            assertEquals(120, shown.get(2).image().getWidth());
            assertSame(shown.get(0).image(), shown.get(2).image(), "one bitmap, reused once the FX side took it");
        } finally {
            painter.close();
        }
    }
}
