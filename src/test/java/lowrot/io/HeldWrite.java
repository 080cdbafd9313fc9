package lowrot.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A process for {@code AtomicFilesTest}: starts an atomic write of the file named by its argument,
 * writes half of it, says "writing" and waits there until it is killed.
 */
final class HeldWrite {
    private HeldWrite() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write("step,time\n0,0\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
