package lowrot.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.RunConfig;
import lowrot.io.AtomicFiles;
import lowrot.io.ConfigException;
import lowrot.io.ConfigJson;
import lowrot.io.CsvData;
import lowrot.io.LabConfig;
import lowrot.io.MetricsCsv;
import lowrot.io.RunFile;

/**
 * File menu work: open and save configs, import CSV data, save a run and open one for replay. Reading,
 * parsing and writing happen on the file thread; the results are applied on the FX thread; a problem is
 * shown and the current run is kept.
 */
final class FileActions {
    private final LabSession session;
    private final Stage stage;

    FileActions(LabSession session, Stage stage) {
        this.session = session;
        this.stage = stage;
    }

    private static String problems(Exception e) {
        return e instanceof ConfigException c ? String.join("\n", c.problems()) : String.valueOf(e.getMessage());
    }

    void openConfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open config");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("lowrot config", "*.json"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openConfig(f.toPath());
        }
    }

    /** Reads and checks a config on the file thread and applies it on the FX thread. */
    void openConfig(Path file) {
        session.jobs()
                .file(
                        () -> ConfigJson.read(file),
                        c -> {
                            if (session.closed()) {
                                return;
                            }
                            String problem = session.tryConfig(c);
                            if (problem != null) {
                                session.error("Cannot open " + file, problem);
                            }
                        },
                        e -> session.error("Cannot open " + file, problems(e)));
    }

    void saveConfig() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save config");
        chooser.setInitialFileName("lowrot-config.json");
        java.io.File f = chooser.showSaveDialog(stage);
        if (f != null) {
            saveConfig(f.toPath());
        }
    }

    /** Writes the config in force now, on the file thread, after every file job before it. */
    void saveConfig(Path file) {
        LabConfig toSave = session.config();
        session.jobs()
                .file(
                        () -> {
                            AtomicFiles.writeText(file, ConfigJson.write(toSave));
                            return file;
                        },
                        f -> session.note("saved " + f),
                        e -> session.error("Cannot save the config", e.getMessage()));
    }

    void importCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import CSV data");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV: x1,…,xd,y", "*.csv", "*.txt"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            importCsv(f.toPath());
        }
    }

    /** Replaces the data by the points of a CSV file; problems are shown and the current run is kept. */
    void importCsv(Path file) {
        try {
            CsvData.Result r = CsvData.read(file);
            Dataset pts = r.data();
            LabConfig c = session.config();
            RunConfig rc = c.run();
            DataSpec spec = rc.dataset()
                    .withKind(DatasetKind.POINTS)
                    .withPoints(pts)
                    .withD(pts.d())
                    .withN(pts.n())
                    .withNTest(0)
                    .withBias(0);
            String problem = session.tryConfig(c.withRun(rc.withDataset(spec)).withCsv(null));
            if (problem != null) {
                session.error("Cannot use " + file, problem);
            } else {
                session.setDataMessage(
                        r.message().isEmpty() ? "imported " + pts.n() + " points from " + file : r.message());
            }
        } catch (ConfigException e) {
            session.error("Cannot import " + file, problems(e));
        }
    }

    void saveRun() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Save run (run.json and metrics.csv) into a folder");
        java.io.File dir = chooser.showDialog(stage);
        if (dir != null) {
            saveRun(dir.toPath(), null);
        }
    }

    /**
     * Writes run.json and metrics.csv of the current run into {@code dir}, as the command line does
     * (the recording is taken on the trainer's thread, written on the file thread). {@code done} (may be
     * null) gets null or the error, on the FX thread.
     */
    void saveRun(Path dir, Consumer<String> done) {
        if (session.run() == null) {
            return;
        }
        LabConfig c = session.config();
        DataSplit d = session.data();
        session.run()
                .save(rec -> session.jobs()
                        .file(
                                () -> {
                                    RunFile.write(dir.resolve("run.json"), c, d, rec.snapshots());
                                    AtomicFiles.writeText(dir.resolve("metrics.csv"), MetricsCsv.write(rec.rows()));
                                    return dir;
                                },
                                written -> {
                                    session.note("saved run to " + written);
                                    if (done != null) {
                                        done.accept(null);
                                    }
                                },
                                e -> {
                                    session.error("Cannot save the run", e.getMessage());
                                    if (done != null) {
                                        done.accept(e.getMessage());
                                    }
                                }));
    }

    void openRun() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open run for replay");
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter("lowrot run or journal", "*.json", "*.journal"));
        java.io.File f = chooser.showOpenDialog(stage);
        if (f != null) {
            openRun(f.toPath());
        }
    }

    /** Reads a run file off the FX thread and replays it: the scrubber drives the circle view and charts. */
    void openRun(Path file) {
        session.note("reading " + file + " …");
        session.jobs()
                .file(
                        () -> RunFile.read(file),
                        loaded -> {
                            String problem = session.replay().enter(loaded);
                            if (problem != null) {
                                session.error("Nothing to replay", problem);
                            }
                        },
                        e -> session.error("Cannot open " + file, problems(e)));
    }
}
