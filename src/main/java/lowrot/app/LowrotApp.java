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
 * Experiments window and starts its width sweep; {@code --measure S} trains for S seconds and prints the
 * frame times and training throughput the performance overlay shows, then exits.
 */
public final class LowrotApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        LabConfig initial = LabConfig.defaults();
        List<String> args = new java.util.ArrayList<>(getParameters().getRaw());
        boolean play = args.remove("--play");
        boolean experiments = args.remove("--experiments");
        double measure = 0;
        int at = args.indexOf("--measure");
        if (at >= 0 && at + 1 < args.size()) {
            measure = Double.parseDouble(args.get(at + 1));
            args.remove(at + 1);
            args.remove(at);
            play = true;
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
        }
        stage.show();
        if (play) {
            window.play();
        }
        if (measure > 0) {
            MainWindow w = window;
            w.perf().toggle(); // the figures being measured are on screen too
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                    javafx.util.Duration.seconds(measure));
            wait.setOnFinished(e -> {
                System.out.println(w.perf().startup());
                System.out.println(w.perf().report());
                w.shutdown();
                javafx.application.Platform.exit();
            });
            wait.play();
        }
        if (experiments) {
            ExperimentsWindow ex = window.openExperiments();
            ex.show();
            ex.start();
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
