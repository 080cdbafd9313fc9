package lowrot.app;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one place that hands work to the JavaFX application thread. The crossings (the snapshot pump,
 * the background jobs, the painter) take an {@link Executor}; the window gives them this one, tests a
 * queue they run by hand. An ArchUnit rule keeps {@code Platform.runLater} here.
 */
final class FxThread {
    /** Runs a task later on the FX thread. */
    static final Executor EXECUTOR = Platform::runLater;

    private FxThread() {
    }
}
