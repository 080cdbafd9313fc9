package lowrot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Datasets;
import lowrot.core.experiment.ComplexityPlan;
import lowrot.core.experiment.WidthSweep;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.util.ProgressMonitor;
import lowrot.io.ConfigJson;
import lowrot.io.LabConfig;
import lowrot.io.ReferenceSolves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code merge}: puts the shards of a sweep ({@code lowrot sweep --shard i/N}) together into exactly the
 * files the unsharded sweep writes. Every shard 0 … N−1 must be given once, all of the same grid and
 * config.
 */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = "Combine the shard files of a sharded sweep (merge CONFIG.json SHARD.csv…) or of a sharded"
                + " complexity experiment (merge SHARD.csv…, no config) into the files one unsharded run writes.")
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(
            index = "1..*",
            arity = "0..*",
            paramLabel = "SHARD.csv",
            description = "The shard files, in any order.")
    List<Path> shards = new java.util.ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default ./lowrot-sweep).")
    Path out = Path.of("lowrot-sweep");

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (config.file != null && ComplexityFiles.isShard(config.file)) {
            return mergeComplexity(err, stdout);
        }
        if (shards.isEmpty()) {
            err.println("invalid: a sweep merge needs CONFIG.json and at least one SHARD.csv");
            return Cli.INVALID;
        }
        LabConfig c = config.load(err);
        if (c == null) {
            return Cli.INVALID;
        }
        List<WidthSweep.Point> points;
        try {
            points = merge(shards, Shard.fingerprint(ConfigJson.write(c)));
        } catch (IllegalArgumentException e) {
            err.println("invalid: " + e.getMessage());
            return Cli.INVALID;
        }
        DataSplit data = Datasets.generate(c.run().dataset(), c.run().dataSeed());
        ReferenceMargins refs = ReferenceSolves.all(c, data.train(), new double[0], ProgressMonitor.NONE);
        Files.createDirectories(out);
        SweepCommand.write(out, points, refs);
        SweepCommand.report(stdout, points);
        stdout.println("merged " + shards.size() + " shards; wrote " + out.toAbsolutePath());
        return Cli.OK;
    }

    /** Complexity shards need no config: the first file is a shard too. */
    private int mergeComplexity(PrintWriter err, PrintWriter stdout) throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        files.add(config.file);
        files.addAll(shards);
        ComplexityFiles.Merged merged;
        try {
            merged = ComplexityFiles.merge(files);
        } catch (IllegalArgumentException e) {
            err.println("invalid: " + e.getMessage());
            return Cli.INVALID;
        }
        ComplexityPlan plan = merged.plan();
        ComplexityFiles.write(out, plan, merged.ordered());
        ComplexityFiles.report(stdout, plan, merged.ordered());
        stdout.println("merged " + files.size() + " shards; wrote " + out.toAbsolutePath());
        return Cli.OK;
    }

    /**
     * The points of every cell in grid order; a missing, repeated or foreign shard, or a missing cell, is
     * an IllegalArgumentException that names it.
     */
    static List<WidthSweep.Point> merge(List<Path> files, String fingerprint) throws IOException {
        SweepShards.Loaded[] byIndex = null;
        String grid = null;
        for (Path f : files) {
            SweepShards.Loaded s = SweepShards.read(f);
            if (grid == null) {
                grid = s.grid();
                byIndex = new SweepShards.Loaded[s.shard().count()];
            } else if (!grid.equals(s.grid())) {
                throw new IllegalArgumentException(
                        f + ": a shard of another grid (" + s.grid() + ") than " + files.get(0) + " (" + grid + ")");
            } else if (s.shard().count() != byIndex.length) {
                throw new IllegalArgumentException(f + ": shard " + s.shard() + " of "
                        + s.shard().count() + " shards, the others are of " + byIndex.length);
            }
            if (byIndex[s.shard().index()] != null) {
                throw new IllegalArgumentException("shard " + s.shard() + " is given twice: "
                        + byIndex[s.shard().index()].file() + " and " + f);
            }
            byIndex[s.shard().index()] = s;
        }
        if (!grid.endsWith("config=" + fingerprint)) {
            throw new IllegalArgumentException("the shards were computed with another config (or --set) than this one");
        }
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i] == null) {
                throw new IllegalArgumentException("shard " + i + "/" + byIndex.length + " is missing (its file is "
                        + new Shard(i, byIndex.length).fileName("sweep") + ")");
            }
        }
        SweepShards.Grid g = parseGrid(grid);
        WidthSweep.Point[] cells = new WidthSweep.Point[g.cells()];
        for (SweepShards.Loaded s : byIndex) {
            for (WidthSweep.Point p : s.points()) {
                int k = g.cell(p.width(), p.seed());
                if (k < 0 || k % byIndex.length != s.shard().index() || cells[k] != null) {
                    throw new IllegalArgumentException(s.file() + ": the row of width " + p.width() + ", seed "
                            + p.seed() + " does not belong to shard " + s.shard());
                }
                cells[k] = p;
            }
        }
        for (int k = 0; k < cells.length; k++) {
            if (cells[k] == null) {
                throw new IllegalArgumentException("cell " + k + " (width " + g.widths()[k / g.seeds().length]
                        + ", seed "
                        + g.seeds()[k % g.seeds().length] + ") is in no shard file: shard " + k % byIndex.length + "/"
                        + byIndex.length + " is incomplete");
            }
        }
        return List.of(cells);
    }

    private static SweepShards.Grid parseGrid(String line) {
        java.util.Map<String, String> kv = new java.util.HashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
        int[] widths = java.util.Arrays.stream(kv.get("widths").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        long[] seeds = java.util.Arrays.stream(kv.get("seeds").split(","))
                .mapToLong(Long::parseLong)
                .toArray();
        return new SweepShards.Grid(
                widths,
                seeds,
                Double.parseDouble(kv.get("time")),
                Long.parseLong(kv.get("maxSteps")),
                kv.get("config"));
    }
}
