package lowrot.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes files all or nothing: into a temporary file beside the target, then renamed into place.
 * A failure leaves no partial file and says which path and why.
 */
public final class AtomicFiles {
    /** Temporary files being written; an interrupted process (Ctrl-C) deletes them on its way out. */
    private static final java.util.Set<Path> IN_PROGRESS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteTemporaries, "lowrot-cleanup"));
    }

    /** Deletes the temporary files of writes still in progress (for a process about to end at once). */
    public static void deleteTemporaries() {
        for (Path p : IN_PROGRESS) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Nothing more can be done while the process ends.
            }
        }
    }

    private AtomicFiles() {}

    /** Writes bytes to {@code target}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes text (UTF-8). */
    public static void writeText(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a PNG image. */
    public static void writePng(Path target, BufferedImage image) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", buffer)) {
            throw new IOException("no PNG writer available");
        }
        write(target, buffer.toByteArray());
    }

    /**
     * Whether a write failed for want of space. Java reports ENOSPC and EDQUOT only as message text
     * ("No space left on device", "Disk quota exceeded"; in-memory file systems say "out of disk space").
     */
    static boolean diskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("no space left") || lower.contains("disk space") || lower.contains("quota")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Something that writes a file's content to a stream. */
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Streams content into a temporary file and renames it to {@code target}. */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": the folder " + dir + " does not exist");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException(target + ": cannot write in " + dir + " (" + ConfigJson.describe(e) + ")", e);
        }
        boolean moved = false;
        IN_PROGRESS.add(tmp);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.writeTo(out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            if (diskFull(e)) {
                throw new IOException(
                        target + ": the disk is full; nothing was written and any earlier file of"
                                + " that name is unchanged — free some space and try again (" + ConfigJson.describe(e)
                                + ")",
                        e);
            }
            throw new IOException(target + ": " + ConfigJson.describe(e), e);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
            IN_PROGRESS.remove(tmp);
        }
    }
}
