package lowrot.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes an animation frame by frame: an animated GIF (the JDK's GIF writer, looping) or an MP4/H.264 video
 * (JCodec, pure Java). Frames go to a temporary file beside the target, which replaces the target only when
 * {@link #finish()} succeeds; {@link #abort()} (or any failure) deletes it, so no half-written file remains.
 */
public abstract class AnimationWriter implements AutoCloseable {
    private final Path target;
    /** The temporary file frames are written to. */
    protected final Path temporary;

    private boolean done;

    protected AnimationWriter(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        this.temporary = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".part");
        // Also when the process is stopped (Ctrl+C, SIGTERM) mid-recording; after a finish it is gone already.
        this.temporary.toFile().deleteOnExit();
    }

    /**
     * A writer for the file's extension ({@code .gif} or {@code .mp4}).
     *
     * @throws IllegalArgumentException for another extension, naming the allowed ones
     */
    public static AnimationWriter open(Path file, int width, int height, int fps) throws IOException {
        String problem = problem(file, width, height);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return isMp4(file) ? new Mp4Animation(file, width, height, fps) : new GifAnimation(file, width, height, fps);
    }

    /**
     * Why {@link #open} would refuse this file and size — the extension is not {@code .gif} or {@code .mp4}, or an
     * MP4 size is odd — or null; callers ask before long work.
     */
    public static String problem(Path file, int width, int height) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".gif") && !isMp4(file)) {
            return file.getFileName() + " must end in .gif or .mp4";
        }
        if (isMp4(file) && (width % 2 != 0 || height % 2 != 0)) {
            return "size " + width + " × " + height + ": an MP4's width and height must be even";
        }
        return null;
    }

    private static boolean isMp4(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4");
    }

    /** Appends one frame (width × height, as opened). */
    public abstract void add(BufferedImage frame) throws IOException;

    /** Completes the encoding into the temporary file. */
    protected abstract void complete() throws IOException;

    /** Releases the encoder without completing it. */
    protected abstract void release();

    /** Finishes the file and moves it into place (atomically where the file system can). */
    public void finish() throws IOException {
        try {
            complete();
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            // The temporary file was created private (rw-------); the animation is an ordinary file.
            try {
                Files.setPosixFilePermissions(
                        target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its default permissions apply
            }
        } finally {
            if (!done) {
                abort();
            }
        }
    }

    /** Drops the animation: the temporary file is deleted and the target left as it was. */
    public void abort() {
        done = true;
        release();
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Nothing else can be done; the file's name starts with a dot and ends in .part.
        }
    }

    /** Aborts unless finished. */
    @Override
    public void close() {
        if (!done) {
            abort();
        }
    }
}
