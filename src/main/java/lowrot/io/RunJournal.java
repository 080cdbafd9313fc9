package lowrot.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import lowrot.core.data.DataSplit;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;

/**
 * The journal of a command-line run ({@value #FILE_NAME} beside its outputs): every record appended as it is
 * taken, so a run that is stopped or killed keeps what it computed and can be resumed.
 *
 * <p>One line per entry, {@code CRC32 JSON}: the CRC-32 of the JSON text in eight hex digits, a space, the JSON
 * object. The first line holds the config, the data and the plan (steps, τ target, record interval); each further
 * line one record: its metrics, and for the records the {@code Recorder} keeps with weights also the weights and
 * the trainer's whole state ({@link Trainer.State}), from which a run resumes. Every line is flushed when written
 * and the file forced to disk at most {@link #FORCE_INTERVAL_NANOS} apart (and when closed), so after a crash the
 * journal reads back to its last complete line; a torn or damaged line ends the reading, with a warning.
 */
public final class RunJournal implements AutoCloseable {
    /** The journal's file name in a run's output folder. */
    public static final String FILE_NAME = "run.journal";

    public static final String FORMAT = "lowrot-journal";
    public static final int VERSION = 1;

    /** Longest wait between two forced writes to disk (a crash of the machine loses at most this much). */
    static final long FORCE_INTERVAL_NANOS = 2_000_000_000L;

    /** What the run was asked to do: steps (or train until GF time τ reaches untilTime), a record every k steps. */
    public record Plan(long steps, Double untilTime, int every) {}

    /** One record read back: metrics, weights (null when not kept) and the trainer's state (null likewise). */
    public record Entry(Metrics metrics, double[] a, double[] v, Trainer.State state) {
        /** Whether a run can resume from this record. */
        public boolean resumable() {
            return state != null;
        }
    }

    /**
     * A journal read back: config, data, plan, the records up to the first damaged line, a warning (empty if
     * none), and for each record the byte offset just after its line (where a resumed run appends).
     */
    public record Loaded(
            LabConfig config,
            DataSplit data,
            Plan plan,
            List<Entry> entries,
            long[] ends,
            long headerEnd,
            String warning) {
        /** The index of the last record a run can resume from, or −1. */
        public int lastResumable() {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).resumable()) {
                    return i;
                }
            }
            return -1;
        }
    }

    private final FileChannel channel;
    private final Path file;
    private long lastForce = System.nanoTime();

    private RunJournal(FileChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
    }

    /** An I/O failure in the journal's words; a full disk is called that. */
    private static IOException failure(Path file, IOException e) {
        if (AtomicFiles.diskFull(e)) {
            return new IOException(
                    file + ": the disk is full; the journal keeps every complete record written"
                            + " before — free some space and continue with lowrot run --resume " + file.getParent(),
                    e);
        }
        return new IOException(file + ": " + ConfigJson.describe(e), e);
    }

    /** Starts a new journal at {@code file} (replacing any), writing the header line and forcing it to disk. */
    public static RunJournal create(Path file, LabConfig config, DataSplit data, Plan plan) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw failure(file, e);
        }
        RunJournal j = new RunJournal(ch, file);
        try {
            JsonObject o = new JsonObject();
            o.addProperty("format", FORMAT);
            o.addProperty("version", VERSION);
            o.add("config", JsonParser.parseString(ConfigJson.write(config)));
            o.add("data", RunFile.dataJson(data));
            JsonObject p = new JsonObject();
            p.addProperty("steps", plan.steps());
            if (plan.untilTime() != null) {
                p.addProperty("untilTime", plan.untilTime());
            }
            p.addProperty("every", plan.every());
            o.add("plan", p);
            j.line(o);
            ch.force(false);
        } catch (IOException e) {
            ch.close();
            throw failure(file, e);
        } catch (RuntimeException e) {
            ch.close();
            throw e;
        }
        return j;
    }

    /**
     * Opens an existing journal to continue after its record {@code index} (counting from 0): the lines after it
     * are cut off, since the resumed run writes them again.
     */
    public static RunJournal resume(Path file, Loaded loaded, int index) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            ch.truncate(index < 0 ? loaded.headerEnd() : loaded.ends()[index]);
            ch.position(ch.size());
            ch.force(false);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new RunJournal(ch, file);
    }

    /** Appends a record: metrics only, or with weights and the state to resume from when {@code state} is given. */
    public void record(Snapshot s, Trainer.State state) throws IOException {
        JsonObject o = new JsonObject();
        o.add("metrics", RunFile.metricsJson(s.metrics()));
        if (state != null) {
            o.add("a", RunFile.GSON.toJsonTree(s.copyA()));
            o.add("v", RunFile.GSON.toJsonTree(s.copyV()));
            o.add("state", stateJson(state, s));
        }
        long now = System.nanoTime();
        try {
            line(o);
            // The clock only spaces out the forced writes; what is written never depends on it.
            if (state != null && now - lastForce >= FORCE_INTERVAL_NANOS) {
                channel.force(false);
                lastForce = now;
            }
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private void line(JsonObject o) throws IOException {
        String json = o.toString();
        byte[] bytes = (crc(json) + " " + json + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Forces the journal to disk and closes it. */
    @Override
    public void close() throws IOException {
        try {
            channel.force(false);
        } finally {
            channel.close();
        }
    }

    private static String crc(String json) {
        CRC32 c = new CRC32();
        c.update(json.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", c.getValue());
    }

    /** The state's scalars as the bits of their doubles (exact, NaN and ±∞ included); v is the record's own. */
    private static JsonObject stateJson(Trainer.State t, Snapshot s) {
        JsonObject o = new JsonObject();
        o.addProperty("steps", t.steps());
        o.addProperty("time", Double.doubleToRawLongBits(t.time()));
        o.addProperty("logTime", Double.doubleToRawLongBits(t.logTime()));
        o.addProperty("lastRisk", Double.doubleToRawLongBits(t.lastRisk()));
        o.addProperty("lastLogRisk", Double.doubleToRawLongBits(t.lastLogRisk()));
        o.addProperty("stepSize", Double.doubleToRawLongBits(t.stepSize()));
        o.add("sampler", RunFile.GSON.toJsonTree(t.sampler()));
        o.add("permutation", RunFile.GSON.toJsonTree(t.permutation()));
        if (t.a().length != s.width() || !java.util.Arrays.equals(t.a(), s.copyA())) {
            throw new IllegalArgumentException("the state and the snapshot are of different steps");
        }
        if (t.inner().length != s.copyV().length) {
            // The no-rotation parametrisation: the norms b_j, from which v_j = b_j u_j is rebuilt exactly.
            o.add("norms", RunFile.GSON.toJsonTree(t.inner()));
        }
        return o;
    }

    private static Trainer.State state(JsonObject o, double[] a, double[] v) {
        double[] inner = o.has("norms") ? RunFile.GSON.fromJson(o.get("norms"), double[].class) : v;
        return new Trainer.State(
                o.get("steps").getAsLong(),
                bits(o, "time"),
                bits(o, "logTime"),
                bits(o, "lastRisk"),
                bits(o, "lastLogRisk"),
                bits(o, "stepSize"),
                RunFile.GSON.fromJson(o.get("sampler"), long[].class),
                RunFile.GSON.fromJson(o.get("permutation"), int[].class),
                a,
                inner);
    }

    private static double bits(JsonObject o, String name) {
        return Double.longBitsToDouble(o.get(name).getAsLong());
    }

    /** Whether a file starts as a journal does (reading its first bytes only). */
    public static boolean isJournal(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            String s = new String(head, StandardCharsets.UTF_8);
            return s.length() > 9
                    && s.charAt(8) == ' '
                    && s.substring(9).replace(" ", "").startsWith("{\"format\":\"" + FORMAT + "\"");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads a journal up to its last complete, undamaged line. */
    public static Loaded read(Path file) throws ConfigException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": " + ConfigJson.describe(e));
        } catch (OutOfMemoryError e) {
            throw new ConfigException(file + ": the journal is larger than the memory Java may use");
        }
        int pos = 0;
        int nl = indexOf(all, pos);
        JsonObject header = nl < 0 ? null : parse(all, pos, nl);
        if (header == null
                || !header.has("format")
                || !FORMAT.equals(header.get("format").getAsString())) {
            throw new ConfigException(file + ": not a lowrot journal (or its first line is damaged)");
        }
        int version = header.get("version").getAsInt();
        if (version != VERSION) {
            throw new ConfigException(file + ": journal version " + version + ", this lowrot reads " + VERSION);
        }
        LabConfig config = ConfigJson.parse(header.get("config").toString(), file.getParent());
        JsonObject d = header.getAsJsonObject("data");
        DataSplit data = new DataSplit(
                RunFile.data(d.getAsJsonObject("train"), config), RunFile.data(d.getAsJsonObject("test"), config));
        JsonObject p = header.getAsJsonObject("plan");
        Plan plan = new Plan(
                p.get("steps").getAsLong(),
                p.has("untilTime") ? p.get("untilTime").getAsDouble() : null,
                p.get("every").getAsInt());
        long headerEnd = nl + 1L;
        List<Entry> entries = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        String warning = "";
        pos = nl + 1;
        while (pos < all.length) {
            nl = indexOf(all, pos);
            JsonObject o = nl < 0 ? null : parse(all, pos, nl);
            Entry e = null;
            try {
                e = o == null ? null : entry(o);
            } catch (RuntimeException ex) {
                e = null;
            }
            if (e == null) {
                warning = (nl < 0 ? "the journal ends in the middle of record " : "record ")
                        + (entries.size() + 1) + (nl < 0 ? "" : " is damaged") + "; it reads up to step "
                        + (entries.isEmpty()
                                ? "0 (no record survived)"
                                : Long.toString(entries.get(entries.size() - 1)
                                        .metrics()
                                        .step()));
                break;
            }
            entries.add(e);
            ends.add(nl + 1L);
            pos = nl + 1;
        }
        long[] endArray = ends.stream().mapToLong(Long::longValue).toArray();
        return new Loaded(config, data, plan, List.copyOf(entries), endArray, headerEnd, warning);
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The line's JSON object when its CRC matches, else null. */
    private static JsonObject parse(byte[] b, int from, int to) {
        if (to - from < 10 || b[from + 8] != ' ') {
            return null;
        }
        String crc = new String(b, from, 8, StandardCharsets.US_ASCII);
        String json = new String(b, from + 9, to - from - 9, StandardCharsets.UTF_8);
        if (!crc.equals(crc(json))) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(json);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Entry entry(JsonObject o) {
        Metrics m = RunFile.metrics(o.getAsJsonObject("metrics"));
        if (!o.has("state")) {
            return new Entry(m, null, null, null);
        }
        double[] a = RunFile.GSON.fromJson(o.get("a"), double[].class);
        double[] v = RunFile.GSON.fromJson(o.get("v"), double[].class);
        return new Entry(m, a, v, state(o.getAsJsonObject("state"), a, v));
    }

    /** The records that carry weights, as run-file records (for opening and replaying a journal). */
    public static List<RunFile.Record> records(Loaded loaded) {
        List<RunFile.Record> out = new ArrayList<>();
        for (Entry e : loaded.entries()) {
            if (e.a() != null) {
                out.add(new RunFile.Record(e.metrics(), e.a(), e.v()));
            }
        }
        return out;
    }
}
