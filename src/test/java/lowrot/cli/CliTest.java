package lowrot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import lowrot.io.MetricsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: exit codes, outputs, files. */
class CliTest {
    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private static Path sample(String name) {
        return Path.of("samples", name);
    }

    @Test
    void runWritesEveryFile(@TempDir Path dir) throws Exception {
        int code = run(
                "run",
                sample("quadrants-near-init.json").toString(),
                "--steps",
                "300",
                "--every",
                "10",
                "--out",
                dir.toString(),
                "--no-progress",
                "--figure-size",
                "300",
                "--set",
                "network.width=32");
        assertEquals(Cli.OK, code, err);
        assertTrue(out.contains("global margin γ_gl") && out.contains("path-norm margin γ_P"), out);
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(MetricsCsv.header(), csv.get(0));
        assertTrue(csv.get(0)
                .startsWith("step,time,risk,train_error,test_error,margin_frobenius,margin_path,"
                        + "rotation_mean,rotation_max,motion_per_sqrt_m"));
        assertEquals(1 + 31, csv.size(), "rows at steps 0, 10, …, 300");
        assertTrue(csv.get(csv.size() - 1).startsWith("300,"));
        for (String p : List.of("margin", "risk", "rotation", "features")) {
            BufferedImage img = ImageIO.read(dir.resolve(p + ".png").toFile());
            assertEquals(400, img.getWidth());
            assertEquals(300, img.getHeight());
            parsesAsXml(dir.resolve(p + ".svg"));
        }
        assertEquals(300, ImageIO.read(dir.resolve("circle.png").toFile()).getWidth());
        assertEquals(
                lowrot.render.Figures.compositeWidth(300),
                ImageIO.read(dir.resolve("composite.png").toFile()).getWidth());
        parsesAsXml(dir.resolve("circle.svg"));
        parsesAsXml(dir.resolve("composite.svg"));
        var loaded = lowrot.io.RunFile.read(dir.resolve("run.json"));
        assertEquals("", loaded.warning());
        assertEquals(32, loaded.config().run().network().width());
        assertEquals(
                300, loaded.records().get(loaded.records().size() - 1).metrics().step());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files");
        }
    }

    private static void parsesAsXml(Path svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
    }

    @Test
    void sameConfigSameMetrics(@TempDir Path dir) throws Exception {
        String[] common = {
            "--steps", "200", "--every", "20", "--no-progress", "--figure-size", "200", "--set", "network.width=16"
        };
        run(concat(
                new String[] {
                    "run",
                    sample("nc-4-groups-d2.json").toString(),
                    "--out",
                    dir.resolve("a").toString()
                },
                common));
        run(concat(
                new String[] {
                    "run",
                    sample("nc-4-groups-d2.json").toString(),
                    "--out",
                    dir.resolve("b").toString()
                },
                common));
        assertEquals(Files.readString(dir.resolve("a/metrics.csv")), Files.readString(dir.resolve("b/metrics.csv")));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void marginsAsJson() {
        int code = run(
                "margins",
                sample("quadrants-near-init.json").toString(),
                "--json",
                "--set",
                "dataset.n=60",
                "--set",
                "network.width=16",
                "--set",
                "references.ntkDirections=512");
        assertEquals(Cli.OK, code, err);
        JsonObject o = JsonParser.parseString(out).getAsJsonObject();
        for (String key : List.of("ntk", "global", "no_rotation")) {
            JsonObject b = o.getAsJsonObject(key);
            assertTrue(b.get("lower").getAsDouble() <= b.get("upper").getAsDouble() + 1e-12, key);
        }
        assertTrue(o.getAsJsonObject("no_rotation").get("upper").getAsDouble()
                <= o.getAsJsonObject("global").get("upper").getAsDouble() + 1e-9);
        // The optimal network (path norm 1) and the certificate, checked from the printed numbers alone: on the
        // certificate's points the network's margin is at least the lower bound, and its q-weighted margin is at
        // most the pricing maximum, which is the upper bound.
        JsonObject global = o.getAsJsonObject("global");
        double lower = global.get("lower").getAsDouble();
        var atoms = global.getAsJsonArray("network");
        double pathNorm = 0;
        for (var a : atoms) {
            pathNorm += Math.abs(a.getAsJsonObject().get("weight").getAsDouble());
            double norm2 = 0;
            for (var c : a.getAsJsonObject().getAsJsonArray("direction")) {
                norm2 += c.getAsDouble() * c.getAsDouble();
            }
            assertEquals(1, norm2, 1e-12);
        }
        assertEquals(1, pathNorm, 1e-9);
        JsonObject cert = global.getAsJsonObject("certificate");
        assertEquals(global.get("upper").getAsDouble(), cert.get("pricing_max").getAsDouble(), 0.0);
        double qSum = 0;
        double dual = 0;
        for (var p : cert.getAsJsonArray("support")) {
            JsonObject pt = p.getAsJsonObject();
            double q = pt.get("q").getAsDouble();
            double y = pt.get("y").getAsDouble();
            double g = 0;
            for (var a : atoms) {
                var u = a.getAsJsonObject().getAsJsonArray("direction");
                double dot = 0;
                for (int k = 0; k < u.size(); k++) {
                    dot += u.get(k).getAsDouble()
                            * pt.getAsJsonArray("x").get(k).getAsDouble();
                }
                g += a.getAsJsonObject().get("weight").getAsDouble() * Math.max(dot, 0);
            }
            assertTrue(y * g >= lower - 1e-9, "margin on a certificate point below the lower bound");
            qSum += q;
            dual += q * y * g;
        }
        assertEquals(1, qSum, 1e-9);
        assertTrue(dual <= cert.get("pricing_max").getAsDouble() + 1e-12);
    }

    @Test
    void validateReportsEveryProblemWithExitCodeTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"network\": {\"width\": -4, \"colour\": 1}, \"training\": {\"stepSize\": \"big\"}}");
        assertEquals(Cli.INVALID, run("validate", bad.toString()));
        assertEquals(3, err.lines().filter(l -> l.startsWith("invalid: ")).count(), err);
        assertTrue(
                err.contains("network.width = -4")
                        && err.contains("network.colour")
                        && err.contains("training.stepSize"),
                err);
        assertEquals(Cli.OK, run("validate", sample("random-labels.json").toString()));
        assertEquals(
                Cli.INVALID, run("validate", sample("random-labels.json").toString(), "--set", "network.width=abc"));
        assertEquals(Cli.INVALID, run("validate", dir.resolve("missing.json").toString()));
        assertTrue(err.contains("cannot be read"), err);
        assertEquals(Cli.INVALID, run("run", "--steps"));
        assertEquals(Cli.INVALID, run("frobnicate"));
    }

    @Test
    void everySampleIsValid() throws Exception {
        try (var files = Files.list(Path.of("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                assertEquals(Cli.OK, run("validate", p.toString()), p + ": " + err);
            }
        }
    }

    @Test
    void aDivergingRunStopsWithExitCodeOneAndWritesOnlyFiniteValues(@TempDir Path dir) throws Exception {
        for (String regime : List.of("NEAR_INITIALIZATION", "NEURAL_COLLAPSE", "NO_ROTATION")) {
            Path out = dir.resolve(regime);
            int code = run(
                    "run",
                    sample("quadrants-near-init.json").toString(),
                    "--steps",
                    "500",
                    "--out",
                    out.toString(),
                    "--no-progress",
                    "--figure-size",
                    "200",
                    "--set",
                    "training.stepSize=1e4",
                    "--set",
                    "training.regime=" + regime,
                    "--set",
                    "network.width=16");
            assertEquals(Cli.FAILURE, code, regime);
            assertTrue(err.matches("(?s).*diverged at step \\d+ \\(η = 10000\\.0\\): .*lower the step size.*"), err);
            String csv = Files.readString(out.resolve("metrics.csv"));
            assertTrue(!csv.contains("NaN") && !csv.contains("Infinity"), csv);
        }
    }

    @Test
    void oversizedRunsAreRefusedBeforeAllocating() {
        assertEquals(
                Cli.INVALID,
                run(
                        "run",
                        sample("quadrants-near-init.json").toString(),
                        "--set",
                        "dataset.kind=PARITY",
                        "--set",
                        "dataset.d=4096",
                        "--set",
                        "dataset.n=1000000",
                        "--set",
                        "network.width=1048576"));
        assertTrue(err.contains("needs about") && err.contains("MB"), err);
    }

    @Test
    void sweepWritesItsTablesAndFigures(@TempDir Path dir) throws Exception {
        int code = run(
                "sweep",
                sample("quadrants-near-init.json").toString(),
                "--widths",
                "4,8,16",
                "--seeds",
                "2",
                "--time",
                "2",
                "--out",
                dir.toString(),
                "--no-progress",
                "--set",
                "dataset.n=30",
                "--set",
                "references.ntkDirections=256");
        assertEquals(Cli.OK, code, err);
        List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(1 + 6, csv.size());
        assertTrue(csv.get(0).startsWith("width,seed,step,time"));
        for (String f : List.of("sweep-margin", "sweep-rotation", "sweep-motion")) {
            assertEquals(800, ImageIO.read(dir.resolve(f + ".png").toFile()).getWidth());
            parsesAsXml(dir.resolve(f + ".svg"));
        }
        assertTrue(out.contains("mean rotation        ∝ m^") && out.contains("pattern flips"), out);
        assertEquals(
                1600, ImageIO.read(dir.resolve("sweep-laziness.png").toFile()).getWidth());
    }

    @Test
    void complexityWritesItsTableAndFigures(@TempDir Path dir) throws Exception {
        int code = run(
                "complexity",
                "--kernel-d",
                "4,6,8",
                "--near-d",
                "0",
                "--max-margin-d",
                "4",
                "--rich-d",
                "0",
                "--n",
                "8,16,32,64",
                "--seeds",
                "2",
                "--test",
                "200",
                "--out",
                dir.toString(),
                "--no-progress");
        assertEquals(Cli.OK, code, err);
        List<String> csv = Files.readAllLines(dir.resolve("complexity.csv"));
        assertEquals(
                "learner,d,n,seed,test_error,train_error,rotation_mean_deg,rotation_max_deg,feature_share,certificate",
                csv.get(0));
        assertTrue(
                csv.size() > 1 + 4 * 2
                        && csv.stream().skip(1).allMatch(l -> l.startsWith("KERNEL,") || l.startsWith("MAX_MARGIN,4,")),
                csv.toString());
        assertEquals(
                1 + 4 * 2,
                Files.readAllLines(dir.resolve("complexity-needed.csv")).size(),
                "one row per chain");
        assertEquals(
                1400, ImageIO.read(dir.resolve("complexity-error.png").toFile()).getWidth());
        assertEquals(
                900, ImageIO.read(dir.resolve("complexity-needed.png").toFile()).getWidth());
        parsesAsXml(dir.resolve("complexity-error.svg"));
        parsesAsXml(dir.resolve("complexity-needed.svg"));
        assertTrue(out.contains("NTK kernel predictor:") && out.contains("the paper predicts d^2"), out);
        assertTrue(out.contains("max-margin network:") && out.contains("Max-margin programs:"), out);

        assertEquals(Cli.INVALID, run("complexity", "--kernel-d", "1", "--out", dir.toString()));
        assertTrue(err.contains("complexity d (NTK kernel predictor)") && err.contains("2"), err);
    }

    @Test
    void animateRecordsAConfigAndReplaysARunFile(@TempDir Path dir) throws Exception {
        String sample = sample("quadrants-near-init.json").toString();
        assertEquals(
                Cli.OK,
                run(
                        "animate",
                        sample,
                        "--set",
                        "dataset.n=30",
                        "--set",
                        "references.ntkDirections=256",
                        "--until-time",
                        "50",
                        "--seconds",
                        "0.4",
                        "--fps",
                        "10",
                        "--size",
                        "320x180",
                        "--out",
                        dir.resolve("a.gif").toString(),
                        "--no-progress"),
                err);
        assertTrue(out.contains("4 frames of 320 × 180 at 10 fps"), out);
        assertEquals(320, ImageIO.read(dir.resolve("a.gif").toFile()).getWidth());

        assertEquals(
                Cli.OK,
                run(
                        "run",
                        sample,
                        "--set",
                        "dataset.n=30",
                        "--set",
                        "references.ntkDirections=256",
                        "--steps",
                        "100",
                        "--every",
                        "10",
                        "--out",
                        dir.resolve("r").toString(),
                        "--no-progress"),
                err);
        assertEquals(
                Cli.OK,
                run(
                        "animate",
                        dir.resolve("r").resolve("run.json").toString(),
                        "--seconds",
                        "0.4",
                        "--fps",
                        "10",
                        "--size",
                        "160x90",
                        "--no-chart",
                        "--out",
                        dir.resolve("b.mp4").toString(),
                        "--no-progress"),
                err);
        assertTrue(Files.size(dir.resolve("b.mp4")) > 1000 && out.contains("4 frames of 160 × 90"), out);

        assertEquals(
                Cli.INVALID,
                run(
                        "animate",
                        sample,
                        "--size",
                        "big",
                        "--out",
                        dir.resolve("c.gif").toString()));
        assertTrue(err.contains("--size = \"big\": expected WIDTHxHEIGHT"), err);
        assertEquals(
                Cli.INVALID,
                run("animate", sample, "--out", dir.resolve("c.avi").toString(), "--seconds", "0.2"));
        assertTrue(err.contains("must end in .gif or .mp4"), err);
    }

    @Test
    void compareDrawsTheThreeRegimes(@TempDir Path dir) throws Exception {
        int code = run(
                "compare",
                sample("quadrants-near-init.json").toString(),
                "--times",
                "1,5",
                "--size",
                "200",
                "--out",
                dir.toString());
        assertEquals(Cli.OK, code, err);
        BufferedImage img = ImageIO.read(dir.resolve("compare.png").toFile());
        assertEquals(2 * 200 + 2 * 200, img.getWidth());
        assertEquals(3 * 200, img.getHeight());
        parsesAsXml(dir.resolve("compare.svg"));
        String csv = Files.readString(dir.resolve("compare.csv"));
        assertTrue(csv.contains("NEAR_INITIALIZATION,")
                && csv.contains("NO_ROTATION,")
                && csv.contains("NEURAL_COLLAPSE,"));
    }

    @Test
    void benchPrintsFigures() throws Exception {
        assertEquals(Cli.OK, run("bench", "--n", "64", "--m", "64", "--d", "2", "--seconds", "0.2", "--threads", "1"));
        assertTrue(out.matches("(?s).*steps/s, .* GFLOP/s.*"), out);
        // A config's own step: its n, m and d (the bias coordinate adds one).
        assertEquals(
                Cli.OK, run("bench", "--config", sample("nc-8-groups-d16.json").toString(), "--seconds", "0.2"));
        var spec = lowrot.io.ConfigJson.read(sample("nc-8-groups-d16.json")).run();
        assertTrue(
                out.startsWith(
                        "n=" + spec.dataset().n() + " m=" + spec.network().width() + " d=16 "),
                out);
        assertEquals(Cli.INVALID, run("bench", "--config", "no-such-file.json"));
        assertTrue(err.contains("no-such-file.json"), err);

        // Every engine in turn on the same d > 2 step, each line naming its engine.
        assertEquals(Cli.OK, run("bench", "--n", "64", "--m", "64", "--d", "5", "--seconds", "0.2", "--engine", "all"));
        assertTrue(out.contains("engine scalar") && out.contains("engine vector"), out);
        assertEquals(Cli.INVALID, run("bench", "--d", "5", "--engine", "gpu"));
        assertTrue(err.contains("--engine = \"gpu\": allowed scalar, vector, all"), err);
    }
}
