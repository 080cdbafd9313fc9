package lowrot.run;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A run clock for tests that moves only while the run waits: steps take no time, so a paced run is never behind
 * and shows every frame, each when its (virtual) time comes. An idle run still waits a real millisecond per look, so
 * that it does not spin while the test thinks.
 */
final class WaitingClock implements RunClock {
    private volatile long now;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Command next(BlockingQueue<Command> commands, long waitNanos) throws InterruptedException {
        Command c = commands.poll();
        if (c != null || waitNanos <= 0) {
            return c;
        }
        now += waitNanos;
        return commands.poll(1, TimeUnit.MILLISECONDS);
    }
}
