package lowrot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lowrot.io.RunJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as {@code java -jar lowrot.jar} starts it — a JVM without the vector module, which starts itself
 * again with it — in real child processes: the run trains in the second JVM, a SIGTERM to the launcher's pid (a
 * {@code kill}) or to both processes (a scheduler, a terminal's process group) stops it cleanly with every file
 * and exit 143 (130 for SIGINT), {@code --version} starts no second JVM, and the scalar engine says why it runs.
 * The waits are liveness bounds (a minute or more), never measurements.
 */
class RelaunchTest {
    private static final String INCUBATOR = "WARNING: Using incubator modules: jdk.incubator.vector";

    /** The launcher in a JVM started like {@code java -jar}: no --add-modules. */
    private static Process launcher(Path log, List<String> jvm, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("lowrot.Launcher");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String[] longRun(Path out) {
        return new String[] {
            "run",
            Path.of("samples", "quadrants-near-init.json").toString(),
            "--set",
            "network.width=256",
            "--every",
            "20",
            "--steps",
            "400000",
            "--out",
            out.toString(),
            "--no-progress"
        };
    }

    /** Waits (at most a minute: liveness) for the run's journal to have lines, i.e. training has begun. */
    private static void awaitTraining(Path out, Process p, Path log) throws Exception {
        Path journal = out.resolve(RunJournal.FILE_NAME);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(journal)) {
                try (Stream<String> s = Files.lines(journal)) {
                    if (s.count() >= 5) {
                        return;
                    }
                } catch (java.io.UncheckedIOException e) {
                    // A line being written; look again.
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run did not start training: " + Files.readString(log));
    }

    private static ProcessHandle secondJvm(Process p) {
        return p.descendants()
                .filter(h -> h.info().command().orElse("").endsWith("java"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no second JVM under the launcher"));
    }

    private static void kill(String signal, long... pids) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("kill", "-" + signal));
        for (long pid : pids) {
            cmd.add(Long.toString(pid));
        }
        assertEquals(0, new ProcessBuilder(cmd).start().waitFor());
    }

    private static void assertStoppedCleanly(Process p, Path out, Path log, int code, String signal) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run ended after " + signal);
        String text = Files.readString(log);
        assertEquals(code, p.exitValue(), text);
        assertTrue(text.contains("stopped at step ") && text.contains("by " + signal + "; files written to "), text);
        assertTrue(text.contains(INCUBATOR), "the run trained in a JVM with the vector module: " + text);
        for (String f : List.of("run.json", "metrics.csv", "composite.png", RunJournal.FILE_NAME)) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " written");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aSigtermToTheLauncherReachesTheRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Path log = dir.resolve("log.txt");
        Process p = launcher(log, List.of("-Xmx512m"), longRun(out));
        awaitTraining(out, p, log);
        Path cmdline = Path.of("/proc", Long.toString(secondJvm(p).pid()), "cmdline");
        if (Files.exists(cmdline)) {
            List<String> args = List.of(Files.readString(cmdline).split("\0"));
            assertTrue(args.contains("-Xmx512m"), "the user's JVM options go to the second JVM: " + args);
        }
        p.destroy(); // SIGTERM to the launcher only, as `kill PID` does
        assertStoppedCleanly(p, out, log, 143, "SIGTERM");
    }

    @Test
    void aSignalToBothProcessesStopsTheRunOnce(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Path log = dir.resolve("log.txt");
        Process p = launcher(log, List.of(), longRun(out));
        awaitTraining(out, p, log);
        // A terminal's Ctrl-C reaches the whole process group: the run itself, then the launcher, which forwards
        // it — a copy, not a second request, so the run still writes its files.
        kill("INT", secondJvm(p).pid(), p.pid());
        assertStoppedCleanly(p, out, log, 130, "SIGINT");
    }

    @Test
    void quickCommandsAndTheScalarEngineStartNoSecondJvm(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("version.txt");
        Process version = launcher(log, List.of(), "--version");
        assertTrue(version.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, version.exitValue());
        String text = Files.readString(log);
        assertTrue(text.startsWith("lowrot "), text);
        assertFalse(text.contains(INCUBATOR), "--version starts no second JVM: " + text);

        Path scalarLog = dir.resolve("scalar.txt");
        Path out = dir.resolve("scalar");
        Process scalar = launcher(
                scalarLog,
                List.of("-Dlowrot.engine=scalar"),
                "run",
                Path.of("samples", "quadrants-near-init.json").toString(),
                "--steps",
                "20",
                "--out",
                out.toString(),
                "--no-progress",
                "--figure-size",
                "200");
        assertTrue(scalar.waitFor(120, TimeUnit.SECONDS));
        String said = Files.readString(scalarLog);
        assertEquals(0, scalar.exitValue(), said);
        assertTrue(said.contains("training on the scalar engine, as asked (-Dlowrot.engine=scalar)"), said);
        assertFalse(said.contains(INCUBATOR), said);
        assertTrue(Files.size(out.resolve("metrics.csv")) > 0);
    }
}
