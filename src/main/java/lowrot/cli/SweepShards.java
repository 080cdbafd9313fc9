package lowrot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import lowrot.core.experiment.WidthSweep;
import lowrot.io.MetricsCsv;

/**
 * The file one shard of a sweep writes: two comment lines (which shard; the grid and the config's
 * fingerprint) and then the rows of its cells in the format of sweep.csv.
 */
final class SweepShards {
    private static final String FIRST = "# lowrot sweep shard ";
    private static final String SECOND = "# grid ";

    private SweepShards() {}

    /** The grid of a sweep: what must be the same in every shard for them to merge. */
    record Grid(int[] widths, long[] seeds, double time, long maxSteps, String config) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "widths=%s seeds=%s time=%.17g maxSteps=%d config=%s",
                    Arrays.stream(widths).mapToObj(Integer::toString).collect(Collectors.joining(",")),
                    Arrays.stream(seeds).mapToObj(Long::toString).collect(Collectors.joining(",")),
                    time,
                    maxSteps,
                    config);
        }

        int cells() {
            return widths.length * seeds.length;
        }

        /** The cell of (width, seed), or −1. */
        int cell(int width, long seed) {
            for (int w = 0; w < widths.length; w++) {
                for (int s = 0; s < seeds.length; s++) {
                    if (widths[w] == width && seeds[s] == seed) {
                        return w * seeds.length + s;
                    }
                }
            }
            return -1;
        }
    }

    /** A shard file read back. */
    record Loaded(Path file, Shard shard, String grid, List<WidthSweep.Point> points) {}

    static String write(Shard shard, Grid grid, List<WidthSweep.Point> points) {
        StringBuilder out = new StringBuilder(FIRST).append(shard).append('\n');
        out.append(SECOND).append(grid.line()).append('\n');
        out.append(header()).append('\n');
        for (WidthSweep.Point p : points) {
            out.append(row(p)).append('\n');
        }
        return out.toString();
    }

    /** The header of sweep.csv. */
    static String header() {
        return "width,seed," + MetricsCsv.header();
    }

    /** One row of sweep.csv. */
    static String row(WidthSweep.Point p) {
        return p.width() + "," + p.seed() + "," + MetricsCsv.row(p.metrics());
    }

    /** Reads a shard file; a problem is an IllegalArgumentException whose message names the file. */
    static Loaded read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() < 3
                || !lines.get(0).startsWith(FIRST)
                || !lines.get(1).startsWith(SECOND)
                || !lines.get(2).equals(header())) {
            throw new IllegalArgumentException(file + ": not a sweep shard written by lowrot sweep --shard");
        }
        Shard shard;
        try {
            shard = Shard.parse(lines.get(0).substring(FIRST.length()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        List<WidthSweep.Point> points = new ArrayList<>();
        for (int i = 3; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", 3);
            try {
                points.add(
                        new WidthSweep.Point(Integer.parseInt(f[0]), Long.parseLong(f[1]), MetricsCsv.parseRow(f[2])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        file + ": line " + (i + 1) + " is not a sweep row (" + e.getMessage() + ")");
            }
        }
        return new Loaded(file, shard, lines.get(1).substring(SECOND.length()), points);
    }
}
