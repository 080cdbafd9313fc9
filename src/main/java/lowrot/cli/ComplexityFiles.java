package lowrot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import lowrot.core.experiment.ComplexityAnalysis;
import lowrot.core.experiment.ComplexityPlan;
import lowrot.core.experiment.ComplexitySettings;
import lowrot.core.experiment.Learner;
import lowrot.core.experiment.SampleComplexity;
import lowrot.io.AtomicFiles;
import lowrot.io.ComplexityCsv;
import lowrot.render.ComplexityCharts;
import lowrot.render.Figures;
import org.jfree.chart.JFreeChart;

/**
 * The files of the sample-complexity experiment: complexity.csv (one row per cell), complexity-needed.csv (n
 * needed per chain), the figures, the printed summary, and the shard files of {@code complexity --shard}.
 */
final class ComplexityFiles {
    private static final String SHARD = "# lowrot complexity shard ";
    private static final String GRID = "# grid ";

    private ComplexityFiles() {}

    /** The plan in one canonical line: shards of different plans never merge. */
    static String planLine(ComplexityPlan plan) {
        StringBuilder b = new StringBuilder();
        for (Learner l : Learner.values()) {
            b.append(l.name()).append('=').append(join(plan.dims(l))).append(' ');
        }
        ComplexitySettings s = plan.settings();
        b.append("n=")
                .append(join(plan.ns()))
                .append(" seeds=")
                .append(Arrays.stream(plan.seeds()).mapToObj(Long::toString).collect(Collectors.joining(",")));
        b.append(String.format(
                Locale.ROOT,
                " nTest=%d epsilon=%s near=%d/%s/%s rich=%d/%s/%d/%s maxN=%s margin=%s",
                s.nTest(),
                s.epsilon(),
                s.nearWidth(),
                s.nearTime(),
                s.nearStepSize(),
                s.richWidth(),
                s.richInitScale(),
                s.richSteps(),
                s.richStepSize(),
                join(s.maxN()),
                s.maxMargin()));
        return b.toString();
    }

    private static String join(int[] v) {
        return Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** Shard i of N: chains k with k mod N = i, in chain order. */
    static List<SampleComplexity.Chain> chains(ComplexityPlan plan, Shard shard) {
        List<SampleComplexity.Chain> all = plan.chains();
        List<SampleComplexity.Chain> out = new ArrayList<>();
        for (int k : shard.cells(all.size())) {
            out.add(all.get(k));
        }
        return out;
    }

    static String shardText(Shard shard, ComplexityPlan plan, List<SampleComplexity.Cell> cells) {
        StringBuilder b = new StringBuilder(SHARD).append(shard).append('\n');
        b.append(GRID)
                .append(planLine(plan))
                .append('\n')
                .append(ComplexityCsv.HEADER)
                .append('\n');
        for (SampleComplexity.Cell c : cells) {
            b.append(ComplexityCsv.row(c)).append('\n');
        }
        return b.toString();
    }

    /** True when a file starts like a complexity shard. */
    static boolean isShard(Path file) {
        try (var r = Files.newBufferedReader(file)) {
            String first = r.readLine();
            return first != null && first.startsWith(SHARD);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The cells of every shard in the plan's order; a missing, repeated or foreign shard is an
     * IllegalArgumentException that names it. Returns the plan line with the cells.
     */
    static Merged merge(List<Path> files) throws IOException {
        String grid = null;
        Path[] byIndex = null;
        List<SampleComplexity.Cell> cells = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            if (lines.size() < 3
                    || !lines.get(0).startsWith(SHARD)
                    || !lines.get(1).startsWith(GRID)
                    || !lines.get(2).equals(ComplexityCsv.HEADER)) {
                throw new IllegalArgumentException(f + ": not a complexity shard written by lowrot complexity --shard");
            }
            Shard s;
            try {
                s = Shard.parse(lines.get(0).substring(SHARD.length()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(f + ": " + e.getMessage());
            }
            String g = lines.get(1).substring(GRID.length());
            if (grid == null) {
                grid = g;
                byIndex = new Path[s.count()];
            } else if (!grid.equals(g)) {
                throw new IllegalArgumentException(f + ": a shard of another plan than " + files.get(0));
            } else if (s.count() != byIndex.length) {
                throw new IllegalArgumentException(
                        f + ": shard " + s + " of " + s.count() + " shards, the others are of " + byIndex.length);
            }
            if (byIndex[s.index()] != null) {
                throw new IllegalArgumentException(
                        "shard " + s + " is given twice: " + byIndex[s.index()] + " and " + f);
            }
            byIndex[s.index()] = f;
            for (int i = 3; i < lines.size(); i++) {
                try {
                    cells.add(ComplexityCsv.parse(lines.get(i)));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            f + ": line " + (i + 1) + " is not a complexity row (" + e.getMessage() + ")");
                }
            }
        }
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i] == null) {
                throw new IllegalArgumentException("shard " + i + "/" + byIndex.length + " is missing (its file is "
                        + new Shard(i, byIndex.length).fileName("complexity") + ")");
            }
        }
        return new Merged(grid, cells);
    }

    /** Merged shards: the plan line and every cell. */
    record Merged(String planLine, List<SampleComplexity.Cell> cells) {
        /** The plan the shards were computed with (the settings the command line can change, the rest default). */
        ComplexityPlan plan() {
            java.util.Map<String, String> kv = new java.util.HashMap<>();
            String head = planLine.substring(0, planLine.indexOf(" margin="));
            for (String part : head.split(" ")) {
                int eq = part.indexOf('=');
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
            java.util.Map<Learner, int[]> dims = new java.util.EnumMap<>(Learner.class);
            for (Learner l : Learner.values()) {
                dims.put(l, ints(kv.get(l.name())));
            }
            long[] seeds = Arrays.stream(kv.get("seeds").split(","))
                    .mapToLong(Long::parseLong)
                    .toArray();
            ComplexitySettings settings = ComplexitySettings.defaults()
                    .withEpsilon(Double.parseDouble(kv.get("epsilon")))
                    .withNTest(Integer.parseInt(kv.get("nTest")));
            return new ComplexityPlan(dims, ints(kv.get("n")), seeds, settings);
        }

        /** The cells in the order an unsharded run lists them. */
        List<SampleComplexity.Cell> ordered() {
            List<SampleComplexity.Cell> out = new ArrayList<>(cells);
            out.sort(SampleComplexity.order(plan()));
            return out;
        }
    }

    private static int[] ints(String text) {
        return text == null || text.isEmpty()
                ? new int[0]
                : Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** Writes complexity.csv, complexity-needed.csv and the figures (PNG and SVG). */
    static void write(Path out, ComplexityPlan plan, List<SampleComplexity.Cell> cells) throws IOException {
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder(ComplexityCsv.HEADER).append('\n');
        for (SampleComplexity.Cell c : cells) {
            csv.append(ComplexityCsv.row(c)).append('\n');
        }
        AtomicFiles.writeText(out.resolve("complexity.csv"), csv.toString());
        double eps = plan.settings().epsilon();
        List<ComplexityAnalysis.Needed> needed = ComplexityAnalysis.needed(cells, eps);
        StringBuilder nd = new StringBuilder("learner,d,seed,n_needed\n");
        for (ComplexityAnalysis.Needed n : needed) {
            nd.append(n.learner().name())
                    .append(',')
                    .append(n.d())
                    .append(',')
                    .append(n.seed())
                    .append(',')
                    .append(n.n())
                    .append('\n');
        }
        AtomicFiles.writeText(out.resolve("complexity-needed.csv"), nd.toString());
        Learner[] learners = Arrays.stream(Learner.values())
                .filter(l -> plan.dims(l).length > 0)
                .toArray(Learner[]::new);
        JFreeChart[] errors = new JFreeChart[learners.length];
        for (int i = 0; i < learners.length; i++) {
            errors[i] = ComplexityCharts.errors(cells, learners[i], plan.dims(learners[i]), eps);
        }
        int cols = Math.min(2, learners.length);
        int rows = (learners.length + cols - 1) / cols;
        int w = 700 * cols;
        int h = 480 * rows;
        java.util.function.Consumer<java.awt.Graphics2D> grid = g -> {
            for (int i = 0; i < errors.length; i++) {
                errors[i].draw(g, new java.awt.geom.Rectangle2D.Double(700 * (i % cols), 480 * (i / cols), 700, 480));
            }
        };
        AtomicFiles.writePng(out.resolve("complexity-error.png"), Figures.bitmap(w, h, 1, grid));
        AtomicFiles.writeText(out.resolve("complexity-error.svg"), Figures.svg(w, h, grid));
        JFreeChart need =
                ComplexityCharts.needed(ComplexityAnalysis.points(needed), ComplexityAnalysis.exponents(needed), eps);
        var painter = Figures.chart(need, 900, 700);
        AtomicFiles.writePng(out.resolve("complexity-needed.png"), Figures.bitmap(900, 700, 1, painter));
        AtomicFiles.writeText(out.resolve("complexity-needed.svg"), Figures.svg(900, 700, painter));
    }

    /** Prints n needed per learner and d, each learner's exponent and how it compares with the paper. */
    static void report(PrintWriter out, ComplexityPlan plan, List<SampleComplexity.Cell> cells) {
        double eps = plan.settings().epsilon();
        List<ComplexityAnalysis.Needed> needed = ComplexityAnalysis.needed(cells, eps);
        out.printf("n needed for test error %.3g (geometric mean over seeds):%n", eps);
        for (ComplexityAnalysis.Point p : ComplexityAnalysis.points(needed)) {
            out.printf(
                    "  %-24s d = %-3d %s%n",
                    p.learner().label(),
                    p.d(),
                    p.complete()
                            ? String.format("n = %.0f", p.n())
                            : String.format("not reached by %d of %d seeds", p.seeds() - p.reached(), p.seeds()));
        }
        for (String line : ComplexityAnalysis.summary(plan, cells)) {
            out.println(line);
        }
    }
}
