package lowrot.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Dataset;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;

/**
 * run.json: the configuration, the data actually used, and the recorded snapshots (metrics and full
 * weights), each record with its own CRC-32. A truncated or damaged file opens up to its last good
 * record, with a warning saying what was lost.
 */
public final class RunFile {
    public static final String FORMAT = "lowrot-run";
    public static final int VERSION = 1;
    static final Gson GSON =
            new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** One recorded snapshot as stored: metrics and weights. */
    public record Record(Metrics metrics, double[] a, double[] v) {}

    /** A run read back: config, data, the records that survived, and a warning (empty if none). */
    public record Loaded(LabConfig config, DataSplit data, List<Record> records, String warning) {}

    private RunFile() {}

    /** Writes the run atomically. */
    public static void write(Path file, LabConfig config, DataSplit data, List<Snapshot> snapshots) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + ",\n\"config\":");
            w.write(JsonParser.parseString(ConfigJson.write(config)).toString());
            w.write(",\n\"data\":" + dataJson(data) + ",\n");
            w.write("\"records\":[\n");
            for (int r = 0; r < snapshots.size(); r++) {
                w.write(recordJson(snapshots.get(r)));
                w.write(r + 1 < snapshots.size() ? ",\n" : "\n");
            }
            w.write("]}\n");
            w.flush();
        });
    }

    /** The data of a run as stored: {"train": …, "test": …}. */
    static JsonObject dataJson(DataSplit data) {
        JsonObject o = new JsonObject();
        o.add("train", dataJson(data.train()));
        o.add("test", dataJson(data.test()));
        return o;
    }

    private static JsonObject dataJson(Dataset d) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", d.kind().name());
        o.addProperty("d", d.d());
        o.add("centres", GSON.toJsonTree(d.copyCentres()));
        o.add("x", GSON.toJsonTree(d.copyX()));
        o.add("y", GSON.toJsonTree(d.copyY()));
        return o;
    }

    static String recordJson(Snapshot s) {
        JsonObject o = new JsonObject();
        o.add("metrics", metricsJson(s.metrics()));
        o.add("a", GSON.toJsonTree(s.copyA()));
        o.add("v", GSON.toJsonTree(s.copyV()));
        String body = GSON.toJson(o);
        o.addProperty("crc32", crc(body));
        return GSON.toJson(o);
    }

    private static String crc(String text) {
        CRC32 c = new CRC32();
        c.update(text.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(c.getValue());
    }

    /**
     * Whether a file starts as a run file or a run's journal does (its first line names the format), reading that
     * line only.
     */
    public static boolean isRunFile(Path file) {
        if (RunJournal.isJournal(file)) {
            return true;
        }
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first != null && first.replace(" ", "").startsWith("{\"format\":\"" + FORMAT + "\"");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads a run file, keeping every record up to the first damaged one; a run's journal
     * ({@link RunJournal}) reads as the run file of its records that carry weights.
     */
    public static Loaded read(Path file) throws ConfigException {
        if (RunJournal.isJournal(file)) {
            RunJournal.Loaded j = RunJournal.read(file);
            List<Record> records = RunJournal.records(j);
            String warning = j.warning();
            if (records.isEmpty()) {
                throw new ConfigException(file + ": the journal holds no record with weights yet"
                        + (warning.isEmpty() ? "" : " (" + warning + ")"));
            }
            return new Loaded(j.config(), j.data(), records, warning);
        }
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            JsonReader r = new JsonReader(in);
            r.setStrictness(Strictness.STRICT);
            r.setNestingLimit(16);
            LabConfig config = null;
            Dataset train = null;
            Dataset test = null;
            List<Record> records = new ArrayList<>();
            String warning = "";
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                switch (name) {
                    case "format" -> {
                        if (!FORMAT.equals(r.nextString())) {
                            throw new ConfigException(file + ": not a lowrot run file");
                        }
                    }
                    case "version" -> {
                        int v = r.nextInt();
                        if (v != VERSION) {
                            throw new ConfigException(
                                    file + ": run file version " + v + ", this lowrot reads " + VERSION);
                        }
                    }
                    case "config" ->
                        config = ConfigJson.parse(JsonParser.parseReader(r).toString(), file.getParent());
                    case "data" -> {
                        JsonObject d = JsonParser.parseReader(r).getAsJsonObject();
                        train = data(d.getAsJsonObject("train"), config);
                        test = data(d.getAsJsonObject("test"), config);
                    }
                    case "records" -> {
                        try {
                            r.beginArray();
                            while (r.hasNext()) {
                                JsonObject o = JsonParser.parseReader(r).getAsJsonObject();
                                Record rec = record(o);
                                if (rec == null) {
                                    warning = "record " + (records.size() + 1)
                                            + " is damaged (checksum mismatch); the run" + " opens up to step "
                                            + lastStep(records);
                                    break;
                                }
                                records.add(rec);
                            }
                        } catch (IOException | RuntimeException e) {
                            warning = "the file ends early or is damaged after record " + records.size()
                                    + "; the run opens up to step " + lastStep(records);
                        }
                        return finish(file, config, train, test, records, warning);
                    }
                    default -> r.skipValue();
                }
            }
            return finish(file, config, train, test, records, warning);
        } catch (ConfigException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(file + ": not a readable run file (" + e.getMessage() + ")");
        }
    }

    private static String lastStep(List<Record> records) {
        return records.isEmpty()
                ? "0 (no record survived)"
                : Long.toString(records.get(records.size() - 1).metrics().step());
    }

    private static Loaded finish(
            Path file, LabConfig config, Dataset train, Dataset test, List<Record> records, String warning)
            throws ConfigException {
        if (config == null || train == null) {
            throw new ConfigException(file + ": the run file lacks its config or data");
        }
        return new Loaded(config, new DataSplit(train, test), records, warning);
    }

    static Dataset data(JsonObject o, LabConfig config) throws ConfigException {
        try {
            int d = o.get("d").getAsInt();
            double[] x = GSON.fromJson(o.get("x"), double[].class);
            double[] y = GSON.fromJson(o.get("y"), double[].class);
            double[] centres = o.has("centres") ? GSON.fromJson(o.get("centres"), double[].class) : null;
            lowrot.core.data.DatasetKind kind = o.has("kind")
                    ? lowrot.core.data.DatasetKind.valueOf(o.get("kind").getAsString())
                    : config == null
                            ? lowrot.core.data.DatasetKind.POINTS
                            : config.run().dataset().kind();
            return Dataset.restore(kind, d, x, y, centres);
        } catch (RuntimeException e) {
            throw new ConfigException("run file data: " + e.getMessage());
        }
    }

    /** Metrics as an object of numbers; a value that does not apply is null (JSON has no NaN). */
    static JsonObject metricsJson(Metrics m) {
        JsonObject o = new JsonObject();
        for (var c : Metrics.class.getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(m);
                if (v instanceof Double dv && !Double.isFinite(dv)) {
                    o.add(c.getName(), com.google.gson.JsonNull.INSTANCE);
                } else {
                    o.addProperty(c.getName(), (Number) v);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return o;
    }

    static Metrics metrics(JsonObject o) {
        var comps = Metrics.class.getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            JsonElement e = o.get(comps[i].getName());
            if (e == null && comps[i].getName().equals("centreAlignment")) {
                e = o.get("groupAlignment"); // its name in files written before the optimal alignment existed
            }
            if (types[i] == long.class) {
                args[i] = e.getAsLong();
            } else if (types[i] == int.class) {
                args[i] = e.getAsInt();
            } else {
                args[i] = e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
            }
        }
        try {
            return Metrics.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Record record(JsonObject o) {
        JsonElement crc = o.remove("crc32");
        if (crc == null || !crc.getAsString().equals(crc(GSON.toJson(o)))) {
            return null;
        }
        Metrics m = metrics(o.getAsJsonObject("metrics"));
        double[] a = GSON.fromJson(o.get("a"), double[].class);
        double[] v = GSON.fromJson(o.get("v"), double[].class);
        return new Record(m, a, v);
    }

    /**
     * The records of a loaded run as snapshots (run id −1), each measured against the first record's
     * weights, which are the initialization when the run was recorded from its start.
     */
    public static List<Snapshot> snapshots(Loaded loaded) {
        var rc = loaded.config().run();
        boolean frozen = rc.training().regime().frozenDirections();
        double scale = rc.network().outputScale().value(rc.network().width());
        int d = loaded.data().train().d();
        List<Snapshot> out = new ArrayList<>();
        if (loaded.records().isEmpty()) {
            return out;
        }
        Record first = loaded.records().get(0);
        for (Record r : loaded.records()) {
            out.add(Snapshot.fromWeights(-1, r.metrics(), r.a(), r.v(), first.a(), first.v(), d, scale, frozen));
        }
        return out;
    }
}
