package lowrot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lowrot.io.RunFile;
import lowrot.io.RunJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs stopped the way a cluster or a terminal stops them, in a real child process: SIGKILL leaves a journal that
 * reads back, SIGTERM writes every file and exits 143, a resumed run ends with the same files, bit for bit, as a
 * run never stopped, and a killed sweep run again computes only the cells it had not finished. The waits are
 * liveness bounds (a minute or more), never measurements.
 */
class StopAndResumeTest {
    private static final String[] SGD = {
        "--set", "network.width=256",
        "--set", "training.optimizer=SGD",
        "--set", "training.batchSize=16",
        "--set", "training.stepSize=0.2",
        "--every", "20",
        "--steps", "40000",
    };
    private static final String[] NO_ROTATION = {
        "--set", "network.width=512",
        "--set", "training.regime=NO_ROTATION",
        "--every", "10",
        "--steps", "20000",
    };

    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private static String[] join(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The launcher in a child JVM, its output in log. */
    private static Process child(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-modules",
                "jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                "lowrot.Launcher"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Waits (at most a minute: a bound for liveness, not a speed) until the journal has this many lines. */
    private static void awaitLines(Path journal, int lines, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(journal)) {
                try (Stream<String> s = Files.lines(journal)) {
                    if (s.count() >= lines) {
                        return;
                    }
                } catch (java.io.UncheckedIOException e) {
                    // A line being written is not yet valid text; look again.
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run did not write " + lines + " journal lines: " + Files.readString(log));
    }

    private static String[] run(String[] options, Path dir) {
        return join(
                join(
                        new String[] {
                            "run",
                            Path.of("samples", "quadrants-near-init.json").toString()
                        },
                        options),
                "--out",
                dir.toString(),
                "--no-progress");
    }

    @Test
    void sigtermWritesEveryFileAndTheResumedRunEqualsOneNeverStopped(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        assertEquals(Cli.OK, run(run(SGD, whole)), err);
        assertFalse(Files.exists(whole.resolve(RunJournal.FILE_NAME)), "a finished run leaves no journal");

        Path stopped = dir.resolve("stopped");
        Path log = dir.resolve("log.txt");
        Process p = child(log, run(SGD, stopped));
        awaitLines(stopped.resolve(RunJournal.FILE_NAME), 10, p, log);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run ended after SIGTERM");
        String text = Files.readString(log);
        assertEquals(143, p.exitValue(), text);
        assertTrue(text.contains("stopped at step ") && text.contains("by SIGTERM; files written to "), text);
        for (String f : List.of(
                "run.json",
                "metrics.csv",
                "composite.png",
                "composite.svg",
                "circle.png",
                "margin.png",
                "risk.svg",
                RunJournal.FILE_NAME)) {
            assertTrue(Files.size(stopped.resolve(f)) > 0, f + " written");
        }
        try (Stream<Path> files = Files.list(stopped)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        RunFile.Loaded partial = RunFile.read(stopped.resolve("run.json"));
        assertEquals("", partial.warning());
        long stepStopped =
                partial.records().get(partial.records().size() - 1).metrics().step();
        assertTrue(stepStopped > 0 && stepStopped < 40000, "stopped mid-run, at step " + stepStopped);

        assertEquals(Cli.OK, run("run", "--resume", stopped.toString(), "--no-progress"), err);
        assertTrue(out.contains("resuming at step "), out);
        assertSameRun(whole, stopped);
    }

    @Test
    void sigkillLeavesAJournalThatReadsBackAndResumes(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        assertEquals(Cli.OK, run(run(NO_ROTATION, whole)), err);

        Path killed = dir.resolve("killed");
        Path log = dir.resolve("log.txt");
        Process p = child(log, run(NO_ROTATION, killed));
        Path journal = killed.resolve(RunJournal.FILE_NAME);
        awaitLines(journal, 30, p, log);
        p.destroyForcibly(); // SIGKILL: no handler runs
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue());

        RunJournal.Loaded loaded = RunJournal.read(journal);
        assertTrue(loaded.entries().size() >= 29, loaded.entries().size() + " records");
        assertTrue(loaded.lastResumable() >= 0);
        // Every record read back passed its CRC; the window and `replay` open the journal as a run.
        RunFile.Loaded asRun = RunFile.read(journal);
        assertTrue(asRun.records().size() >= 1);
        assertEquals(0, asRun.records().get(0).metrics().step());
        assertFalse(Files.exists(killed.resolve("run.json")), "no run.json from a killed run");

        // A fresh run into the same folder would replace the journal: refused, with the way to continue.
        assertEquals(Cli.INVALID, run(run(NO_ROTATION, killed)));
        assertTrue(err.contains("--resume"), err);

        assertEquals(Cli.OK, run("run", "--resume", killed.toString(), "--no-progress"), err);
        assertSameRun(whole, killed);
    }

    private static void assertSameRun(Path whole, Path resumed) throws Exception {
        assertEquals(Files.readString(whole.resolve("metrics.csv")), Files.readString(resumed.resolve("metrics.csv")));
        RunFile.Loaded a = RunFile.read(whole.resolve("run.json"));
        RunFile.Loaded b = RunFile.read(resumed.resolve("run.json"));
        assertEquals(a.records().size(), b.records().size());
        RunFile.Record lastA = a.records().get(a.records().size() - 1);
        RunFile.Record lastB = b.records().get(b.records().size() - 1);
        assertArrayEquals(lastA.a(), lastB.a(), 0.0, "final outer weights, bit for bit");
        assertArrayEquals(lastA.v(), lastB.v(), 0.0, "final inner weights, bit for bit");
        assertEquals(Files.readString(whole.resolve("run.json")), Files.readString(resumed.resolve("run.json")));
        assertFalse(Files.exists(resumed.resolve(RunJournal.FILE_NAME)), "the finished run removed its journal");
    }

    @Test
    void aKilledSweepRunAgainComputesOnlyTheMissingCells(@TempDir Path dir) throws Exception {
        String[] sweep = {
            "sweep",
            Path.of("samples", "quadrants-near-init.json").toString(),
            "--widths",
            "16,32,64,128,256,512",
            "--seeds",
            "2",
            "--time",
            "30",
            "--workers",
            "1",
            "--no-progress",
            "--set",
            "dataset.n=40",
            "--set",
            "references.ntkDirections=256",
        };
        Path killed = dir.resolve("killed");
        Path log = dir.resolve("log.txt");
        Process p = child(log, join(sweep, "--out", killed.toString()));
        Path cells = killed.resolve("cells");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive() && count(cells) < 2) {
            Thread.sleep(10);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Map<Path, FileTime> before = times(cells);
        int finished = before.size();
        assertTrue(
                finished >= 2 && finished < 12, finished + " cells finished before the kill: " + Files.readString(log));

        assertEquals(Cli.OK, run(join(sweep, "--out", killed.toString())), err);
        assertTrue(
                out.contains(finished + " of 12 cells already done in ")
                        && out.contains("computing " + (12 - finished)),
                out);
        // The cells found were read, not computed again.
        Map<Path, FileTime> after = times(cells);
        for (var e : before.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " untouched");
        }
        assertEquals(12, after.size());

        Path fresh = dir.resolve("fresh");
        assertEquals(Cli.OK, run(join(sweep, "--out", fresh.toString())), err);
        assertTrue(out.contains("12 cells to compute"), out);
        assertEquals(Files.readString(fresh.resolve("sweep.csv")), Files.readString(killed.resolve("sweep.csv")));
    }

    private static int count(Path dir) throws IOException {
        return times(dir).size();
    }

    private static Map<Path, FileTime> times(Path dir) throws IOException {
        Map<Path, FileTime> out = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p :
                    s.filter(f -> f.getFileName().toString().endsWith(".csv")).toList()) {
                out.put(p.getFileName(), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}
