package lowrot.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All-or-nothing writes, also when the process is stopped in the middle of one. */
class AtomicFilesTest {

    private static List<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aProcessStoppedMidWriteLeavesNoFile(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path target = dir.resolve("metrics.csv");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "lowrot.io.HeldWrite",
                target.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", out.readLine());
            // The write is under way: its temporary file holds half the content beside the target.
            List<String> during = names(dir);
            assertEquals(1, during.size(), during.toString());
            assertTrue(during.get(0).startsWith(".metrics.csv.") && during.get(0).endsWith(".tmp"), during.toString());
            p.destroy(); // SIGTERM, as Ctrl-C's shutdown would
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process ended");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), names(dir), "neither a partial target nor its temporary file is left");
    }

    @Test
    void aWriteReplacesTheWholeFileOrLeavesTheOldOne(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("a.txt");
        AtomicFiles.writeText(target, "first");
        try {
            AtomicFiles.write(target, out -> {
                out.write("half".getBytes(StandardCharsets.UTF_8));
                throw new java.io.IOException("simulated failure");
            });
        } catch (java.io.IOException e) {
            assertTrue(e.getMessage().contains("simulated failure"), e.getMessage());
        }
        assertEquals("first", Files.readString(target));
        assertEquals(List.of("a.txt"), names(dir));
        AtomicFiles.writeText(target, "second");
        assertEquals("second", Files.readString(target));
    }
}
