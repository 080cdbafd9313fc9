package lowrot.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lowrot.core.data.DataSpec;
import lowrot.core.data.Dataset;
import lowrot.core.data.DatasetKind;

/**
 * Reads and writes configuration files: versioned JSON, one object per section, every field
 * optional (missing fields keep their defaults), unknown fields and wrong types rejected with a
 * message naming the field. Enum values are written and read by name.
 */
public final class ConfigJson {
    /** Files larger than this are refused before parsing. */
    public static final long MAX_BYTES = 16L << 20;

    private ConfigJson() {}

    /** Reads a file; a relative {@code dataset.csv} is resolved against the file's folder. */
    public static LabConfig read(Path file) throws ConfigException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(
                        file + ": " + size + " bytes is too large for a configuration (at most " + MAX_BYTES + ")");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return parse(text, file.toAbsolutePath().getParent());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + describe(e) + ")");
        }
    }

    /** Parses configuration text; {@code baseDir} resolves a relative CSV path (may be null). */
    public static LabConfig parse(String text, Path baseDir) throws ConfigException {
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(64);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new ConfigException("the file has text after the configuration object");
            }
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new ConfigException(jsonError(e));
        } catch (StackOverflowError e) {
            throw new ConfigException("not valid JSON: nested too deeply");
        }
        if (root == null || !root.isJsonObject()) {
            throw new ConfigException("the file must hold one JSON object, found " + JsonSettingValues.kindOf(root));
        }
        List<String> problems = new ArrayList<>();
        Fields read = new Fields();
        for (var entry : root.getAsJsonObject().entrySet()) {
            String key = entry.getKey();
            JsonElement value = entry.getValue();
            switch (key) {
                case "format" -> {
                    if (!(value.isJsonPrimitive() && LabConfig.FORMAT.equals(value.getAsString()))) {
                        problems.add("format = " + value + ": expected \"" + LabConfig.FORMAT + "\"");
                    }
                }
                case "description" -> {
                    if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
                        problems.add("description: expected text, found " + JsonSettingValues.kindOf(value));
                    }
                }
                case "version" -> {
                    if (!(value.isJsonPrimitive()
                            && value.getAsJsonPrimitive().isNumber()
                            && value.getAsJsonPrimitive()
                                            .getAsBigDecimal()
                                            .compareTo(BigDecimal.valueOf(LabConfig.VERSION))
                                    == 0)) {
                        problems.add("version = " + value + ": this lowrot reads version " + LabConfig.VERSION);
                    }
                }
                default -> readSection(key, value, read, problems);
            }
        }
        LabConfig config = read.config;
        if (!problems.isEmpty()) {
            // Report range problems of the fields that did parse as well: every problem at once.
            if (config.run().dataset().kind() != DatasetKind.POINTS) {
                problems.addAll(config.validate().messages());
            }
            throw new ConfigException(problems);
        }
        return resolvePoints(
                config,
                read.points == null ? null : read.points.x(),
                read.points == null ? null : read.points.y(),
                baseDir);
    }

    /** What the sections of a file set so far: the config and the explicit points. */
    private static final class Fields {
        LabConfig config = LabConfig.defaults();
        JsonSettingValues.Points points;
    }

    /** Reads one section ("dataset", "network", …) into {@code read}; every problem goes to {@code problems}. */
    private static void readSection(String key, JsonElement value, Fields read, List<String> problems) {
        if (!Setting.sections().contains(key)) {
            problems.add("unknown field \"" + key + "\": allowed format, version, description, "
                    + String.join(", ", Setting.sections()));
            return;
        }
        if (!value.isJsonObject()) {
            problems.add(key + ": expected an object of settings, found " + JsonSettingValues.kindOf(value));
            return;
        }
        for (var field : value.getAsJsonObject().entrySet()) {
            String path = key + "." + field.getKey();
            try {
                if (path.equals("dataset.points")) {
                    read.points = JsonSettingValues.points(field.getValue());
                    continue;
                }
                Setting s = Setting.find(path);
                if (s == null) {
                    problems.add("unknown field \"" + path + "\"");
                    continue;
                }
                read.config = s.set(read.config, JsonSettingValues.value(s, field.getValue()));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
    }

    private static LabConfig resolvePoints(LabConfig config, double[][] points, double[] labels, Path baseDir)
            throws ConfigException {
        DataSpec spec = config.run().dataset();
        if (spec.kind() != DatasetKind.POINTS) {
            if (points != null || config.csv() != null) {
                throw new ConfigException("dataset.points and dataset.csv need dataset.kind = POINTS");
            }
            finish(config);
            return config;
        }
        Dataset data;
        if (points != null) {
            try {
                data = Dataset.fromPoints(points, labels);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("dataset." + e.getMessage());
            }
        } else if (config.csv() != null) {
            Path csv = Path.of(config.csv());
            if (!csv.isAbsolute() && baseDir != null) {
                csv = baseDir.resolve(csv);
            }
            data = CsvData.read(csv).data();
        } else {
            throw new ConfigException("dataset.kind = POINTS needs dataset.points or dataset.csv");
        }
        LabConfig out = config.withRun(config.run()
                .withDataset(
                        spec.withPoints(data).withD(data.d()).withN(data.n()).withNTest(0)));
        finish(out);
        return out;
    }

    private static void finish(LabConfig config) throws ConfigException {
        var problems = config.validate();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.messages());
        }
    }

    /** The file text of a configuration: every field, in schema order. */
    public static String write(LabConfig config) {
        JsonObject root = new JsonObject();
        root.addProperty("format", LabConfig.FORMAT);
        root.addProperty("version", LabConfig.VERSION);
        for (String section : Setting.sections()) {
            JsonObject obj = new JsonObject();
            for (Setting s : Setting.ALL) {
                if (!s.section().equals(section)) {
                    continue;
                }
                Object v = s.get(config);
                if (v == null) {
                    continue;
                }
                if (v instanceof Enum<?> en) {
                    obj.addProperty(s.key(), en.name());
                } else if (v instanceof Number num) {
                    obj.addProperty(s.key(), num);
                } else if (v instanceof Boolean b) {
                    obj.addProperty(s.key(), b);
                } else if (v instanceof List<?> list) {
                    JsonArray arr = new JsonArray();
                    for (Object item : list) {
                        arr.add((Integer) item);
                    }
                    obj.add(s.key(), arr);
                } else {
                    obj.addProperty(s.key(), v.toString());
                }
            }
            DataSpec spec = config.run().dataset();
            if (section.equals("dataset")
                    && spec.kind() == DatasetKind.POINTS
                    && spec.points() != null
                    && config.csv() == null) {
                JsonArray rows = new JsonArray();
                Dataset pts = spec.points();
                for (int i = 0; i < pts.n(); i++) {
                    JsonArray row = new JsonArray();
                    for (int k = 0; k < pts.d(); k++) {
                        row.add(pts.x(i, k));
                    }
                    row.add((int) pts.y(i));
                    rows.add(row);
                }
                obj.add("points", rows);
            }
            root.add(section, obj);
        }
        return new com.google.gson.GsonBuilder()
                        .setPrettyPrinting()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(root) + "\n";
    }

    /** Applies one {@code path=value} override, validated like the file. */
    public static LabConfig override(LabConfig config, String assignment) throws ConfigException {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set " + assignment + ": expected path=value, e.g. network.width=256");
        }
        String path = assignment.substring(0, eq).trim();
        Setting s = Setting.find(path);
        if (s == null) {
            throw new ConfigException("--set " + path + ": unknown field; fields are "
                    + String.join(", ", Setting.ALL.stream().map(Setting::path).toList()));
        }
        return s.set(config, s.parse(assignment.substring(eq + 1)));
    }

    /** Checks a configuration after overrides, throwing every problem. */
    public static LabConfig validated(LabConfig config) throws ConfigException {
        finish(config);
        return config;
    }

    /** Gson's parse error in a user's words: where it is and, if known, what is wrong. */
    static String jsonError(Exception e) {
        Throwable t = e.getCause() != null && e instanceof JsonParseException ? e.getCause() : e;
        String msg = String.valueOf(t.getMessage());
        java.util.regex.Matcher where =
                java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(msg);
        String at = where.find() ? " at line " + where.group(1) + " column " + where.group(2) : "";
        String what;
        if (msg.contains("Nesting limit")) {
            what = "nested too deeply";
        } else if (msg.contains("setStrictness")) {
            what = "not strict JSON (NaN, comments, unquoted text or a second value are not allowed)";
        } else if (msg.contains("End of input") || t instanceof java.io.EOFException) {
            what = "the text ends early";
        } else {
            what = shorten(msg.split("\n")[0].replaceAll(" at line \\d+ column \\d+.*", ""));
        }
        return "not valid JSON" + at + ": " + what;
    }

    static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }

    static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
