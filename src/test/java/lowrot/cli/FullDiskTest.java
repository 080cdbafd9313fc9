package lowrot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import lowrot.io.AtomicFiles;
import lowrot.io.RunFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk: a clear error, no partial file, and an earlier file of the same name kept intact. */
class FullDiskTest {
    private static final String EARLIER = "step,risk\n0,0.6931\n";

    @Test
    void fullDiskKeepsEarlierFileAndLeavesNoTemporary() throws Exception {
        Configuration config = Configuration.unix().toBuilder().setBlockSize(4096).setMaxSize(64 * 1024).build();
        try (FileSystem fs = Jimfs.newFileSystem(config)) {
            Path dir = Files.createDirectory(fs.getPath("/out"));
            Path target = dir.resolve("metrics.csv");
            AtomicFiles.writeText(target, EARLIER);

            IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[1 << 20]));
            assertTrue(e.getMessage().startsWith(target.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("disk is full"), e.getMessage());
            assertEquals(EARLIER, Files.readString(target), "the earlier file is untouched");
            try (var files = Files.list(dir)) {
                assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
            }
            // The failed write gave its space back: a file that fits is written.
            AtomicFiles.write(target, new byte[16 * 1024]);
            assertEquals(16 * 1024, Files.size(target));
        }
    }

    @Test
    void otherWriteFailuresAreNotCalledFull() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path missing = fs.getPath("/nowhere/metrics.csv");
            IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeText(missing, EARLIER));
            assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
            assertTrue(!e.getMessage().contains("disk is full"), e.getMessage());
        }
    }

    /** The command line on a real 64 KB file system: exit code 1, the reason, only complete files. */
    @Test
    void runOnARealFullDisk(@TempDir Path dir) throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small"));
        assumeTrue(mountSmallTmpfs(mount), "mounting a 64 KB tmpfs needs root on Linux");
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "run",
                    Path.of("samples", "quadrants-near-init.json").toString(), "--steps", "400", "--every", "1",
                    "--out", mount.toString(), "--no-progress", "--figure-size", "500");
            assertEquals(Cli.FAILURE, code, out.toString());
            assertTrue(err.toString().contains("disk is full"), err.toString());
            try (var files = Files.list(mount)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    assertTrue(!name.endsWith(".tmp"), "temporary file left: " + name);
                    if (name.endsWith(".png")) {
                        assertNotNull(ImageIO.read(f.toFile()), name + " is a complete image");
                    } else if (name.equals("run.json")) {
                        assertEquals("", RunFile.read(f).warning(), "run.json is complete");
                    }
                }
            }
        } finally {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean mountSmallTmpfs(Path at) {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", at.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
