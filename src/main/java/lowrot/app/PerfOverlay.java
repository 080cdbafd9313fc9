package lowrot.app;

import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * A small overlay with the frame time (mean and 95th percentile of the last 120 FX pulses),
 * training throughput and snapshots per second; toggled from the View menu.
 */
final class PerfOverlay {
    private static final int WINDOW = 120;
    private final Label label = new Label();
    private final long[] frames = new long[WINDOW];
    private int count;
    private long last;
    private double rate;
    private int snapshots;
    private long snapshotWindowStart;
    private double snapshotsPerSecond;

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

    void frame(long now) {
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
            label.setText(String.format("frame %.1f ms (p95 %.1f ms)%n%,.0f steps/s%n%.0f snapshots/s", meanMillis(),
                    p95Millis(), rate, snapshotsPerSecond));
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
        return String.format("frame mean %.1f ms, p95 %.1f ms over the last %d frames; %,.0f steps/s; %.0f snapshots/s",
                meanMillis(), p95Millis(), Math.min(count, WINDOW), rate, snapshotsPerSecond);
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

    /** 95th percentile of the recent frame intervals, in ms. */
    double p95Millis() {
        int k = Math.min(count, WINDOW);
        if (k == 0) {
            return 0;
        }
        long[] sorted = java.util.Arrays.copyOf(frames, k);
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.min(k - 1, Math.ceil(0.95 * k) - 1)] / 1e6;
    }
}
