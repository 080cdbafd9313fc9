package lowrot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharded sweeps: three shards merged give the unsharded files; a missing or repeated shard is named. */
class ShardTest {
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        err = e.toString();
        return code;
    }

    private static String[] sweep(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "sweep",
                Path.of("samples", "quadrants-near-init.json").toString(),
                "--widths",
                "4,8,16",
                "--seeds",
                "2",
                "--time",
                "2",
                "--no-progress",
                "--set",
                "dataset.n=30",
                "--set",
                "references.ntkDirections=256",
                "--out",
                out.toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void shardsCellsPartitionTheGrid() {
        assertArrayEquals(new int[] {1, 4}, new Shard(1, 3).cells(6));
        assertArrayEquals(new int[] {0, 1, 2}, new Shard(0, 1).cells(3));
        assertEquals("sweep-shard-2-of-3.csv", new Shard(2, 3).fileName("sweep"));
    }

    @Test
    void threeShardsMergeIntoTheUnshardedFiles(@TempDir Path dir) throws Exception {
        assertEquals(Cli.OK, run(sweep(dir.resolve("whole"))), err);
        Path shards = dir.resolve("shards");
        for (int i = 0; i < 3; i++) {
            assertEquals(Cli.OK, run(sweep(shards, "--shard", i + "/3")), err);
        }
        List<String> files = new ArrayList<>();
        for (int i = 2; i >= 0; i--) {
            files.add(shards.resolve("sweep-shard-" + i + "-of-3.csv").toString());
        }
        List<String> merge = new ArrayList<>(List.of(
                "merge",
                Path.of("samples", "quadrants-near-init.json").toString(),
                "--set",
                "dataset.n=30",
                "--set",
                "references.ntkDirections=256",
                "--out",
                dir.resolve("merged").toString()));
        merge.addAll(files);
        assertEquals(Cli.OK, run(merge.toArray(new String[0])), err);
        assertArrayEquals(
                Files.readAllBytes(dir.resolve("whole").resolve("sweep.csv")),
                Files.readAllBytes(dir.resolve("merged").resolve("sweep.csv")),
                "byte-identical sweep.csv");
        for (String figure : List.of("sweep-margin.svg", "sweep-rotation.png", "sweep-motion.png")) {
            assertTrue(Files.size(dir.resolve("merged").resolve(figure)) > 1000, figure);
        }

        // A missing shard, a repeated one and a foreign config are refused with their names.
        List<String> missing = new ArrayList<>(merge.subList(0, 8));
        missing.addAll(files.subList(0, 2));
        assertEquals(Cli.INVALID, run(missing.toArray(new String[0])));
        assertTrue(err.contains("shard 0/3 is missing (its file is sweep-shard-0-of-3.csv)"), err);
        List<String> twice = new ArrayList<>(merge);
        twice.add(files.get(1));
        assertEquals(Cli.INVALID, run(twice.toArray(new String[0])));
        assertTrue(err.contains("shard 1/3 is given twice"), err);
        List<String> foreign = new ArrayList<>(merge);
        foreign.set(3, "dataset.n=31");
        assertEquals(Cli.INVALID, run(foreign.toArray(new String[0])));
        assertTrue(err.contains("another config"), err);
        assertEquals(Cli.INVALID, run(sweep(shards, "--shard", "3/3")));
        assertTrue(err.contains("expected i/N with 0 ≤ i < N"), err);
    }

    private static String[] complexity(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of(
                "complexity",
                "--kernel-d",
                "4,6",
                "--near-d",
                "4",
                "--max-margin-d",
                "0",
                "--rich-d",
                "4",
                "--n",
                "8,16,32",
                "--seeds",
                "2",
                "--test",
                "100",
                "--no-progress",
                "--out",
                out.toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void complexityShardsMergeIntoTheUnshardedFiles(@TempDir Path dir) throws Exception {
        assertEquals(Cli.OK, run(complexity(dir.resolve("whole"))), err);
        Path shards = dir.resolve("shards");
        for (int i = 0; i < 3; i++) {
            assertEquals(Cli.OK, run(complexity(shards, "--shard", i + "/3")), err);
        }
        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int i : new int[] {1, 2, 0}) {
            merge.add(shards.resolve("complexity-shard-" + i + "-of-3.csv").toString());
        }
        merge.addAll(List.of("--out", dir.resolve("merged").toString()));
        assertEquals(Cli.OK, run(merge.toArray(new String[0])), err);
        for (String f : List.of("complexity.csv", "complexity-needed.csv")) {
            assertArrayEquals(
                    Files.readAllBytes(dir.resolve("whole").resolve(f)),
                    Files.readAllBytes(dir.resolve("merged").resolve(f)),
                    "byte-identical " + f);
        }
        assertTrue(Files.size(dir.resolve("merged").resolve("complexity-needed.png")) > 1000);

        List<String> missing = new ArrayList<>(merge);
        missing.remove(3);
        assertEquals(Cli.INVALID, run(missing.toArray(new String[0])));
        assertTrue(err.contains("shard 0/3 is missing (its file is complexity-shard-0-of-3.csv)"), err);
        List<String> twice = new ArrayList<>(merge);
        twice.add(2, merge.get(1));
        assertEquals(Cli.INVALID, run(twice.toArray(new String[0])));
        assertTrue(err.contains("shard 1/3 is given twice"), err);
    }
}
