package lowrot.run;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The wall clock of a {@link TrainingRun}: it decides when a paced frame is shown, how often a snapshot is
 * pictured and the steps-per-second figure — never which step a frame shows or what training computes. Tests give a
 * run a clock that moves only while the run waits, so that every frame of a paced run is shown.
 */
public interface RunClock {
    /** The machine's clock. */
    RunClock SYSTEM = new RunClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Command next(BlockingQueue<Command> commands, long waitNanos) throws InterruptedException {
            return waitNanos > 0 ? commands.poll(waitNanos, TimeUnit.NANOSECONDS) : commands.poll();
        }
    };

    /** Now, in nanoseconds from an arbitrary origin. */
    long nanoTime();

    /** The next command, waiting at most {@code waitNanos} for one (none: null at once). */
    Command next(BlockingQueue<Command> commands, long waitNanos) throws InterruptedException;
}
