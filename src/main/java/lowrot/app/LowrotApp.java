package lowrot.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import lowrot.io.ConfigException;
import lowrot.io.ConfigJson;
import lowrot.io.LabConfig;

/**
 * The JavaFX application. With no parameter it opens the ready default run; a config file path opens
 * that run instead, {@code --play} starts training at once, and {@code --experiments} opens the
 * Experiments window and starts its width sweep; {@code --measure S} trains for S seconds as fast as possible and prints the
 * frame times and training throughput the performance overlay shows, then exits; {@code --stress N}
 * performs N random actions while training and prints each action's FX time and the FX thread's
 * heartbeat latency ({@link StressDriver}), then exits; {@code --presentation} opens in presentation mode,
 * {@code --tour} opens the tour of the paper at its first stop (or where it was left), and {@code --size WxH} sets
 * the window's size in pixels.
 */
public final class LowrotApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        // The ready default run is the near-initialization preset: wide enough (m = 4096) that the neurons barely turn.
        // It pauses at 200,000 steps (τ = 10⁵), where the margin has nearly reached its limit.
        LabConfig initial = LabConfig.defaults()
                .withRun(lowrot.core.model.RegimePresets.of(lowrot.core.model.Regime.NEAR_INITIALIZATION, 1, 1))
                .withSteps(200_000);
        List<String> args = new java.util.ArrayList<>(getParameters().getRaw());
        boolean play = args.remove("--play");
        String experiments = args.remove("--experiments") ? "width" : null;
        for (String tab : ExperimentsWindow.TABS) {
            if (args.remove("--experiments=" + tab)) {
                experiments = tab;
            }
        }
        double measure = 0;
        int at = args.indexOf("--measure");
        if (at >= 0 && at + 1 < args.size()) {
            measure = Double.parseDouble(args.get(at + 1));
            args.remove(at + 1);
            args.remove(at);
            play = true;
        }
        int stress = 0;
        at = args.indexOf("--stress");
        if (at >= 0 && at + 1 < args.size()) {
            stress = Integer.parseInt(args.get(at + 1));
            args.remove(at + 1);
            args.remove(at);
            play = true;
        }
        boolean present = args.remove("--presentation");
        boolean tour = args.remove("--tour");
        double[] size = null;
        String sizeProblem = null;
        at = args.indexOf("--size");
        if (at >= 0 && at + 1 < args.size()) {
            try {
                size = windowSize(args.get(at + 1));
            } catch (IllegalArgumentException e) {
                sizeProblem = e.getMessage();
            }
            args.remove(at + 1);
            args.remove(at);
        }
        String problem = null;
        String file = args.isEmpty() ? null : args.get(0);
        if (file != null) {
            try {
                initial = ConfigJson.read(Path.of(file));
            } catch (ConfigException e) {
                problem = String.join("; ", e.problems());
            }
        }
        window = new MainWindow(stage, initial);
        if (problem != null) {
            window.messageLabel().setText("could not open " + file + ": " + problem);
        } else if (sizeProblem != null) {
            window.messageLabel().setText(sizeProblem);
        }
        if (size != null) {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
        }
        stage.show();
        if (present) {
            window.presentation().set(true);
        }
        if (tour) {
            window.tour().open();
        }
        if (play) {
            window.session().transport().play();
        }
        if (measure > 0) {
            MainWindow w = window;
            // Throughput is measured as fast as possible: a paced run takes only the steps its pace asks for.
            w.playAsFastAsPossible();
            w.perf().toggle(); // the figures being measured are on screen too
            javafx.animation.PauseTransition wait =
                    new javafx.animation.PauseTransition(javafx.util.Duration.seconds(measure));
            wait.setOnFinished(e -> {
                System.out.println(w.perf().startup());
                System.out.println(w.perf().report());
                System.out.println(w.session().referenceTiming().report());
                w.shutdown();
                javafx.application.Platform.exit();
            });
            wait.play();
        }
        if (stress > 0) {
            startStress(window, stress);
        }
        if (experiments != null) {
            ExperimentsWindow ex = window.openExperiments();
            ex.show();
            ex.startTab(experiments);
        }
    }

    /** "1280x800" as {1280, 800}; anything else is refused with the flag's name and form. */
    static double[] windowSize(String text) {
        String[] wh = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (wh.length == 2) {
                double w = Integer.parseInt(wh[0].trim());
                double h = Integer.parseInt(wh[1].trim());
                if (w >= 640 && h >= 480 && w <= 16384 && h <= 16384) {
                    return new double[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("--size " + text
                + ": give the window's width and height in pixels, e.g. 1280x800 (640x480 to 16384x16384)");
    }

    /** Runs the stress driver on its own thread, prints its report and closes the application. */
    private static void startStress(MainWindow w, int actions) {
        Thread t = new Thread(
                () -> {
                    int code = 0;
                    try {
                        Path dir = java.nio.file.Files.createTempDirectory("lowrot-stress");
                        try {
                            StressDriver.Report r =
                                    new StressDriver(w, FxThread.EXECUTOR, dir).run(actions, 2026, win -> {});
                            System.out.println(r.text());
                            System.out.println("stress: slowest action by kind (ms): "
                                    + r.slowestByAction().entrySet().stream()
                                            .map(e -> e.getKey() + " "
                                                    + String.format(java.util.Locale.ROOT, "%.1f", e.getValue() / 1e6))
                                            .collect(java.util.stream.Collectors.joining(", ")));
                        } finally {
                            deleteQuietly(dir);
                        }
                    } catch (Exception | AssertionError e) {
                        System.err.println("stress: " + e);
                        code = 1;
                    }
                    int exit = code;
                    FxThread.EXECUTOR.execute(() -> {
                        w.shutdown();
                        javafx.application.Platform.exit();
                        if (exit != 0) {
                            System.exit(exit);
                        }
                    });
                },
                "lowrot-stress");
        t.setDaemon(true);
        t.start();
    }

    /** Removes the stress run's scratch files; an export still finishing may leave one behind. */
    private static void deleteQuietly(Path dir) {
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
        } catch (java.io.IOException e) {
            // Scratch files in the temporary folder; nothing the user needs to act on.
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }

    /** The window, for tests. */
    MainWindow window() {
        return window;
    }

    public static void main(String[] args) {
        launch(LowrotApp.class, args);
    }
}
