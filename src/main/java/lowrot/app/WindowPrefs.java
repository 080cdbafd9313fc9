package lowrot.app;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import lowrot.io.AtomicFiles;

/**
 * What the window remembers between launches — presentation mode's choice of charts, the tour's last stop — in
 * one small properties file, {@code window.properties} in the folder given by the system property
 * {@code lowrot.config.dir}, else {@code $XDG_CONFIG_HOME/lowrot}, else {@code ~/.config/lowrot}. Each change
 * is written at once (atomically); a file that cannot be read or written leaves the window on its defaults and
 * says why in the status line. FX thread only.
 */
final class WindowPrefs {
    private final Path file;
    private final Properties values = new Properties();
    private String problem;
    private java.util.function.Consumer<String> reporter;

    WindowPrefs(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try {
                values.load(new StringReader(Files.readString(file)));
            } catch (IOException | IllegalArgumentException e) {
                report("could not read " + file + " (" + e.getMessage() + "): the window's defaults are used");
            }
        }
    }

    /** The preferences at the usual place. */
    static WindowPrefs standard() {
        return new WindowPrefs(folder().resolve("window.properties"));
    }

    static Path folder() {
        String set = System.getProperty("lowrot.config.dir");
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("lowrot");
    }

    String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    /** Sets a value and writes the file. */
    void put(String key, String value) {
        if (value.equals(values.getProperty(key))) {
            return;
        }
        values.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            StringWriter out = new StringWriter();
            values.store(out, "lowrot window settings");
            AtomicFiles.writeText(file, out.toString());
        } catch (IOException e) {
            report("could not save " + file + " (" + e.getMessage() + "): the choice lasts until the window closes");
        }
    }

    /** Where problems with the file are told (the status line); a problem met before is told at once. */
    void reportTo(java.util.function.Consumer<String> value) {
        reporter = value;
        if (problem != null) {
            report(problem);
        }
    }

    private void report(String text) {
        if (reporter == null) {
            problem = text;
        } else {
            problem = null;
            reporter.accept(text);
        }
    }

    Path file() {
        return file;
    }
}
