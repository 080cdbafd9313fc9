package lowrot.app;

import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * A small overlay with the frame time (interval between FX pulses: mean and 95th percentile of the
 * last 120), the FX thread's own work per pulse (animation, CSS and layout; 95th percentile),
 * training throughput and snapshots per second; toggled from the View menu.
 */
final class PerfOverlay {
    private static final int WINDOW = 120;
    private final Label label = new Label();
    private final long[] frames = new long[WINDOW];
    private final long[] pulses = new long[WINDOW];
    private int pulseCount;
    private long pulseStart;
    private int count;
    private long last;
    private double rate;
    private int snapshots;
    private long snapshotWindowStart;
    private double snapshotsPerSecond;
    private long firstFrameMillis = -1;
    private long firstCircleMillis = -1;

    PerfOverlay() {
        label.getStyleClass().add("perf");
        label.setVisible(false);
        label.setMouseTransparent(true);
    }

    Node node() {
        return label;
    }

    void toggle() {
        label.setVisible(!label.isVisible());
    }

    /** Milliseconds since the JVM started. */
    private static long sinceStart() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** The window is showing: the first such pulse is the start-up time. */
    void shown() {
        if (firstFrameMillis < 0) {
            firstFrameMillis = sinceStart();
        }
    }

    /** A circle bitmap reached the screen: the first is when the view has content. */
    void circleShown() {
        if (firstCircleMillis < 0) {
            firstCircleMillis = sinceStart();
        }
    }

    /** Start-up times as one line. */
    String startup() {
        return String.format("first frame %,d ms after the JVM started; circle view drawn at %,d ms", firstFrameMillis,
                firstCircleMillis);
    }

    /** The FX thread finished a pulse's layout: its work since {@link #frame} is the pulse time. */
    void pulseEnd(long now) {
        if (pulseStart != 0) {
            pulses[pulseCount % WINDOW] = now - pulseStart;
            pulseCount++;
            pulseStart = 0;
        }
    }

    void frame(long now) {
        pulseStart = System.nanoTime();
        if (last != 0) {
            frames[count % WINDOW] = now - last;
            count++;
        }
        last = now;
        if (snapshotWindowStart == 0) {
            snapshotWindowStart = now;
        } else if (now - snapshotWindowStart >= 1_000_000_000L) {
            snapshotsPerSecond = snapshots * 1e9 / (now - snapshotWindowStart);
            snapshots = 0;
            snapshotWindowStart = now;
        }
        if (label.isVisible() && count % 10 == 0) {
            label.setText(String.format("frame %.1f ms (p95 %.1f ms)%nFX pulse p95 %.1f ms%n%,.0f steps/s%n"
                    + "%.0f snapshots/s", meanMillis(), p95Millis(), pulseP95Millis(), rate, snapshotsPerSecond));
        }
    }

    void rate(double stepsPerSecond) {
        if (stepsPerSecond > 0) {
            rate = stepsPerSecond;
        }
    }

    void snapshots(int k) {
        snapshots += k;
    }

    /** The overlay's figures as one line. */
    String report() {
        return String.format("frame mean %.1f ms, p95 %.1f ms over the last %d frames; FX pulse p95 %.1f ms, max %.1f ms;"
                + " %,.0f steps/s; %.0f snapshots/s", meanMillis(), p95Millis(), Math.min(count, WINDOW),
                pulseP95Millis(), pulseMaxMillis(), rate, snapshotsPerSecond);
    }

    double meanMillis() {
        int k = Math.min(count, WINDOW);
        if (k == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < k; i++) {
            sum += frames[i];
        }
        return sum / 1e6 / k;
    }

    /** Frame intervals measured since the window opened. */
    int frames() {
        return count;
    }

    /** 95th percentile of the recent frame intervals, in ms. */
    double p95Millis() {
        return p95(frames, count);
    }

    /** 95th percentile of the FX thread's recent work per pulse, in ms. */
    double pulseP95Millis() {
        return p95(pulses, pulseCount);
    }

    double pulseMaxMillis() {
        long max = 0;
        for (int i = 0; i < Math.min(pulseCount, WINDOW); i++) {
            max = Math.max(max, pulses[i]);
        }
        return max / 1e6;
    }

    private static double p95(long[] values, int n) {
        int k = Math.min(n, WINDOW);
        if (k == 0) {
            return 0;
        }
        long[] sorted = java.util.Arrays.copyOf(values, k);
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.min(k - 1, Math.ceil(0.95 * k) - 1)] / 1e6;
    }
}
