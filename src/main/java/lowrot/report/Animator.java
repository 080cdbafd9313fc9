package lowrot.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import lowrot.core.data.DataSplit;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import lowrot.core.util.Problems;
import lowrot.core.util.ProgressMonitor;
import lowrot.io.AnimationWriter;
import lowrot.render.AnimationFrames;

/**
 * Records a run as an animation: frames at log-spaced GF time ({@link LogTimeSchedule}), drawn by the window's
 * renderers ({@link AnimationFrames}), written by {@link AnimationWriter} (GIF or MP4) to a temporary file that
 * replaces the target only when every frame is in. Runs on the caller's thread; cancellation through the monitor
 * leaves no file behind.
 */
public final class Animator {
    /**
     * What the animation looks like.
     *
     * @param seconds duration
     * @param fps     frames per second
     * @param width   frame width in pixels
     * @param height  frame height in pixels
     * @param chart   the margin chart beside the circle
     */
    public record Settings(double seconds, int fps, int width, int height, boolean chart) {
        /** 8 s at 25 fps, 1280 × 720, with the margin chart: right for a slide. */
        public static Settings defaults() {
            return new Settings(8, 25, 1280, 720, true);
        }

        /** Frames in the animation. */
        public int frames() {
            return (int) Math.max(2, Math.round(seconds * fps));
        }

        /** Every problem, naming the option and its range. */
        public Problems validate() {
            return new Problems()
                    .rangeAbove("seconds", seconds, 0, 600)
                    .range("fps", fps, 1, 60)
                    .range("width", width, 64, 3840)
                    .range("height", height, 64, 2160)
                    .require(seconds * fps <= 20_000, "seconds × fps = " + seconds * fps + ": at most 20,000 frames");
        }
    }

    private Animator() {}

    /** The frame painter of an animation, its chart's time axis fixed to the schedule's span. */
    private static AnimationFrames frames(
            Settings settings, DataSplit data, RunConfig config, ReferenceMargins refs, double[] times) {
        AnimationFrames frames = new AnimationFrames(
                settings.width(),
                settings.height(),
                settings.chart(),
                data.train(),
                config.training().regime(),
                refs,
                config.training().outerTrainable());
        frames.timeRange(times[1], times[times.length - 1]);
        return frames;
    }

    /**
     * Trains the config from initialization to GF time {@code until} and records it.
     *
     * @return the τ of every frame
     */
    public static double[] record(
            RunConfig config,
            DataSplit data,
            double until,
            ReferenceMargins refs,
            Settings settings,
            Path out,
            ProgressMonitor monitor)
            throws IOException {
        settings.validate().throwIfAny();
        Trainer trainer = new Trainer(config, data);
        double first = config.training().stepSize();
        double[] times = LogTimeSchedule.times(Math.min(first, until), until, settings.frames());
        AnimationFrames frames = frames(settings, data, config, refs, times);
        try (AnimationWriter writer = AnimationWriter.open(out, settings.width(), settings.height(), settings.fps())) {
            IOException[] failure = new IOException[1];
            LogTimeSchedule.follow(
                    trainer,
                    times,
                    Long.MAX_VALUE,
                    (snapshot, k) -> {
                        if (failure[0] == null) {
                            try {
                                writer.add(frames.frame(snapshot));
                            } catch (IOException e) {
                                failure[0] = e;
                            }
                        }
                        monitor.progress((k + 1.0) / times.length, "frame " + (k + 1) + " of " + times.length);
                    },
                    monitor);
            if (failure[0] != null) {
                throw failure[0];
            }
            writer.finish();
        }
        return times;
    }

    /**
     * Records a saved run (its recorded snapshots): each frame shows the first recording at or after the frame's
     * τ, so sparse recordings repeat a frame rather than invent one.
     *
     * @return the τ of every frame
     */
    public static double[] replay(
            List<Snapshot> recorded,
            DataSplit data,
            RunConfig config,
            ReferenceMargins refs,
            Settings settings,
            Path out,
            ProgressMonitor monitor)
            throws IOException {
        settings.validate().throwIfAny();
        if (recorded.isEmpty()) {
            throw new IllegalArgumentException("the run file has no recorded snapshots to animate");
        }
        double last = recorded.get(recorded.size() - 1).time();
        double first = recorded.stream()
                .mapToDouble(Snapshot::time)
                .filter(t -> t > 0)
                .min()
                .orElse(last);
        double[] times = last > 0 ? LogTimeSchedule.times(first, last, settings.frames()) : new double[] {0, 0};
        AnimationFrames frames = frames(settings, data, config, refs, times);
        try (AnimationWriter writer = AnimationWriter.open(out, settings.width(), settings.height(), settings.fps())) {
            int r = 0;
            for (int k = 0; k < times.length; k++) {
                monitor.checkCancelled();
                while (r < recorded.size() - 1 && recorded.get(r).time() < times[k]) {
                    r++;
                }
                writer.add(frames.frame(recorded.get(r)));
                monitor.progress((k + 1.0) / times.length, "frame " + (k + 1) + " of " + times.length);
            }
            writer.finish();
        }
        return times;
    }
}
