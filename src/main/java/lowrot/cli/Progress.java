package lowrot.cli;

import lowrot.core.util.ProgressMonitor;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The terminal progress bar (on standard error, with an ETA) that the long commands share. */
final class Progress {
    private Progress() {}

    /** A bar of {@code max} units named {@code task}, or null when disabled. */
    static ProgressBar bar(String task, long max, boolean enabled) {
        if (!enabled) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(1, max))
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200)
                .build();
    }

    /** A monitor that moves the bar (may be null) to fraction × max. */
    static ProgressMonitor monitor(ProgressBar bar, long max) {
        return new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
                if (bar != null) {
                    bar.stepTo(Math.round(fraction * max));
                }
            }
        };
    }
}
