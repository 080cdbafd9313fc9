package lowrot.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Datasets;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Trainer;
import lowrot.core.util.CancelledException;
import lowrot.core.util.ProgressMonitor;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Animations: the log-τ schedule, frame count and size of GIF and MP4, the atomic write and cancel. */
class AnimatorTest {
    private static final RunConfig CONFIG =
            RunConfig.defaults().withDataset(RunConfig.defaults().dataset().withN(40));

    @Test
    void framesFollowAScheduleEvenlySpacedInLogTime() {
        double[] t = LogTimeSchedule.times(0.5, 1e4, 200);
        assertEquals(0.0, t[0]);
        assertEquals(0.5, t[1], 1e-15);
        assertEquals(1e4, t[199]);
        double ratio = Math.pow(1e4 / 0.5, 1.0 / 198);
        for (int k = 2; k < 200; k++) {
            assertEquals(ratio, t[k] / t[k - 1], 1e-12, "frame " + k);
        }
        // Each frame shows the first step whose τ reaches the scheduled time.
        Trainer trainer = new Trainer(CONFIG.withTraining(CONFIG.training().withStepSize(0.5)));
        double[] want = LogTimeSchedule.times(0.5, 50, 12);
        List<double[]> seen = new ArrayList<>();
        LogTimeSchedule.follow(
                trainer,
                want,
                Long.MAX_VALUE,
                (s, k) -> seen.add(new double[] {k, s.time(), s.step()}),
                ProgressMonitor.NONE);
        assertEquals(12, seen.size());
        for (double[] f : seen) {
            double target = want[(int) f[0]];
            assertTrue(
                    f[1] >= target && f[1] - 0.5 < target, "frame " + (int) f[0] + " at τ " + f[1] + " for " + target);
        }
        assertThrows(IllegalArgumentException.class, () -> LogTimeSchedule.times(0, 10, 5));
    }

    private static int gifFrames(Path file, int[] size) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            size[0] = reader.getWidth(0);
            size[1] = reader.getHeight(0);
            int n = reader.getNumImages(true);
            String tree = reader.getImageMetadata(0)
                    .getAsTree("javax_imageio_gif_image_1.0")
                    .toString();
            assertTrue(tree != null);
            return n;
        }
    }

    @Test
    void gifAndMp4HaveTheScheduledFramesAtTheirSize(@TempDir Path dir) throws Exception {
        DataSplit data = Datasets.generate(CONFIG.dataset(), 1);
        Animator.Settings settings = new Animator.Settings(0.6, 10, 320, 180, true);
        double[] times = Animator.record(
                CONFIG, data, 20, ReferenceMargins.NONE, settings, dir.resolve("a.gif"), ProgressMonitor.NONE);
        assertEquals(6, times.length);
        int[] size = new int[2];
        assertEquals(6, gifFrames(dir.resolve("a.gif"), size));
        assertArrayEquals(new int[] {320, 180}, size);

        Animator.record(CONFIG, data, 20, ReferenceMargins.NONE, settings, dir.resolve("a.mp4"), ProgressMonitor.NONE);
        FrameGrab grab = FrameGrab.createFrameGrab(
                NIOUtils.readableChannel(dir.resolve("a.mp4").toFile()));
        int frames = 0;
        org.jcodec.common.model.Picture p;
        while ((p = grab.getNativeFrame()) != null) {
            assertEquals(320, p.getCroppedWidth());
            assertEquals(180, p.getCroppedHeight(), "shown height (coded height is padded to whole macroblocks)");
            frames++;
        }
        assertEquals(6, frames);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of("a.gif", "a.mp4"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary file left");
        }
        IllegalArgumentException odd = assertThrows(
                IllegalArgumentException.class,
                () -> Animator.record(
                        CONFIG,
                        data,
                        20,
                        ReferenceMargins.NONE,
                        new Animator.Settings(0.6, 10, 321, 180, true),
                        dir.resolve("b.mp4"),
                        ProgressMonitor.NONE));
        assertTrue(odd.getMessage().contains("must be even"), odd.getMessage());
    }

    @Test
    void aCancelledRecordingLeavesTheEarlierFileAndNoPart(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("run.gif");
        Files.writeString(target, "the earlier animation");
        DataSplit data = Datasets.generate(CONFIG.dataset(), 1);
        ProgressMonitor cancelAfterTwo = new ProgressMonitor() {
            private int frames;

            @Override
            public void progress(double fraction, String message) {
                frames++;
            }

            @Override
            public boolean cancelled() {
                return frames >= 2;
            }
        };
        assertThrows(
                CancelledException.class,
                () -> Animator.record(
                        CONFIG,
                        data,
                        20,
                        ReferenceMargins.NONE,
                        new Animator.Settings(1, 10, 160, 90, false),
                        target,
                        cancelAfterTwo));
        assertEquals("the earlier animation", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of("run.gif"),
                    files.map(f -> f.getFileName().toString()).toList());
        }
    }
}
