package lowrot.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import lowrot.core.data.DataSplit;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Metrics;
import lowrot.core.train.Trainer;
import lowrot.core.util.Parallel;
import lowrot.core.util.Problems;
import lowrot.core.util.ProgressMonitor;

/**
 * Trains one configuration at several widths and initialization seeds to the same gradient-flow
 * time, in parallel over the cores, and reports the final metrics of every run. The data (data
 * seed) are the same for all runs; each run is single-threaded, so results do not depend on the
 * number of workers.
 */
public final class WidthSweep {
    /** The final metrics of one (width, seed) run. */
    public record Point(int width, long seed, Metrics metrics) {}

    /** Mean and standard deviation over seeds of a metric at one width. */
    public record Summary(int width, int runs, double mean, double sd) {}

    private WidthSweep() {}

    /** Every cell of a grid of widths × seeds, in (width, seed) order: 0 … widths·seeds − 1. */
    public static int[] allCells(int widths, int seeds) {
        return java.util.stream.IntStream.range(0, widths * seeds).toArray();
    }

    /**
     * Runs the grid cells listed (cell k is widths[k / seeds.length] with seeds[k % seeds.length]; all of them:
     * {@link #allCells}) until τ ≥ time (or {@code maxSteps} steps), in the order listed; {@code onPoint} receives
     * each run's result as it finishes (on a worker thread), and the progress fraction is the share of runs finished.
     * Each cell's result is the same bits as in a run of the whole grid, so shards of a grid computed apart and put
     * together equal the whole.
     */
    public static List<Point> run(
            RunConfig base,
            DataSplit data,
            int[] widths,
            long[] seeds,
            double time,
            long maxSteps,
            int workers,
            ProgressMonitor monitor,
            java.util.function.Consumer<Point> onPoint,
            int[] cells) {
        Problems p = new Problems()
                .rangeAbove("sweep.time", time, 0, 1e300)
                .range("sweep.maxSteps", maxSteps, 1, Long.MAX_VALUE)
                .range("sweep.workers", workers, 1, 256)
                .require(widths.length > 0, "sweep.widths: at least one width is needed")
                .require(seeds.length > 0, "sweep.seeds: at least one seed is needed");
        for (int w : widths) {
            p.range("sweep.widths", w, 1, NetworkSpec.MAX_WIDTH);
        }
        p.throwIfAny();
        int total = cells.length;
        for (int cell : cells) {
            p.range("sweep.cell", cell, 0, widths.length * seeds.length - 1);
        }
        p.throwIfAny();
        Point[] out = new Point[total];
        AtomicInteger done = new AtomicInteger();
        Parallel.forEach(total, workers, index -> {
            int task = cells[index];
            int width = widths[task / seeds.length];
            long seed = seeds[task % seeds.length];
            RunConfig rc = base.withNetwork(base.network().withWidth(width)).withSeeds(base.dataSeed(), seed);
            Trainer trainer = new Trainer(rc, data);
            trainer.setThreads(1);
            trainer.trainUntil(time, maxSteps, monitor);
            out[index] = new Point(width, seed, trainer.snapshot(task).metrics());
            onPoint.accept(out[index]);
            int finished = done.incrementAndGet();
            monitor.progress(
                    (double) finished / total,
                    "width " + width + ", seed " + seed + " done (" + finished + " of " + total + ")");
        });
        return List.of(out);
    }

    /** Mean and sample standard deviation of a metric per width, in width order of first appearance. */
    public static List<Summary> summarise(List<Point> points, java.util.function.ToDoubleFunction<Metrics> metric) {
        List<Integer> widths = new ArrayList<>();
        for (Point pt : points) {
            if (!widths.contains(pt.width())) {
                widths.add(pt.width());
            }
        }
        List<Summary> out = new ArrayList<>();
        for (int w : widths) {
            double sum = 0;
            int k = 0;
            for (Point pt : points) {
                if (pt.width() == w) {
                    sum += metric.applyAsDouble(pt.metrics());
                    k++;
                }
            }
            double mean = sum / k;
            double ss = 0;
            for (Point pt : points) {
                if (pt.width() == w) {
                    double dv = metric.applyAsDouble(pt.metrics()) - mean;
                    ss += dv * dv;
                }
            }
            out.add(new Summary(w, k, mean, k > 1 ? Math.sqrt(ss / (k - 1)) : 0));
        }
        return out;
    }
}
