package lowrot.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
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
            throw new ConfigException("the file must hold one JSON object, found " + kindOf(root));
        }
        List<String> problems = new ArrayList<>();
        LabConfig config = LabConfig.defaults();
        JsonObject obj = root.getAsJsonObject();
        double[][] points = null;
        double[] labels = null;
        for (var entry : obj.entrySet()) {
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
                        problems.add("description: expected text, found " + kindOf(value));
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
                default -> {
                    if (!Setting.sections().contains(key)) {
                        problems.add("unknown field \"" + key + "\": allowed format, version, description, "
                                + String.join(", ", Setting.sections()));
                        continue;
                    }
                    if (!value.isJsonObject()) {
                        problems.add(key + ": expected an object of settings, found " + kindOf(value));
                        continue;
                    }
                    for (var field : value.getAsJsonObject().entrySet()) {
                        String path = key + "." + field.getKey();
                        if (path.equals("dataset.points")) {
                            try {
                                Object[] parsed = points(field.getValue());
                                points = (double[][]) parsed[0];
                                labels = (double[]) parsed[1];
                            } catch (ConfigException e) {
                                problems.addAll(e.problems());
                            }
                            continue;
                        }
                        Setting s = Setting.find(path);
                        if (s == null) {
                            problems.add("unknown field \"" + path + "\"");
                            continue;
                        }
                        try {
                            config = s.set(config, value(s, field.getValue()));
                        } catch (ConfigException e) {
                            problems.addAll(e.problems());
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            // Report range problems of the fields that did parse as well: every problem at once.
            if (config.run().dataset().kind() != DatasetKind.POINTS) {
                problems.addAll(config.validate().messages());
            }
            throw new ConfigException(problems);
        }
        return resolvePoints(config, points, labels, baseDir);
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

    /** Converts a JSON value to a setting's type, with a message naming the field on mismatch. */
    static Object value(Setting s, JsonElement e) throws ConfigException {
        String path = s.path();
        if (s.type() == Setting.Type.STRING) {
            if (e.isJsonNull()) {
                return null;
            }
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                return e.getAsString();
            }
            throw wrong(s, e);
        }
        if (s.type() == Setting.Type.INT_LIST) {
            if (!e.isJsonArray()) {
                throw wrong(s, e);
            }
            List<Integer> out = new ArrayList<>();
            for (JsonElement item : e.getAsJsonArray()) {
                out.add((Integer) integral(s, item, Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            return out;
        }
        if (!e.isJsonPrimitive()) {
            throw wrong(s, e);
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return switch (s.type()) {
            case BOOLEAN -> {
                if (!p.isBoolean()) {
                    throw wrong(s, e);
                }
                yield p.getAsBoolean();
            }
            case ENUM -> {
                if (!p.isString()) {
                    throw wrong(s, e);
                }
                try {
                    yield s.enumValue(p.getAsString());
                } catch (NumberFormatException ex) {
                    throw new ConfigException(path + " = " + e + ": allowed " + String.join(", ", s.names()));
                }
            }
            case DOUBLE -> {
                if (!p.isNumber()) {
                    throw wrong(s, e);
                }
                double v = p.getAsBigDecimal().doubleValue();
                if (!Double.isFinite(v)) {
                    throw new ConfigException(path + " = " + e + ": too large for a number");
                }
                yield v;
            }
            case INT -> integral(s, e, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> integral(s, e, Long.MIN_VALUE, Long.MAX_VALUE);
            default -> throw wrong(s, e);
        };
    }

    private static Object integral(Setting s, JsonElement e, long lo, long hi) throws ConfigException {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrong(s, e);
        }
        BigDecimal v = e.getAsJsonPrimitive().getAsBigDecimal();
        try {
            long whole = v.longValueExact();
            if (whole < lo || whole > hi) {
                throw new ArithmeticException();
            }
            return s.type() == Setting.Type.LONG ? (Object) whole : (Object) (int) whole;
        } catch (ArithmeticException ex) {
            if (v.stripTrailingZeros().scale() > 0) {
                throw new ConfigException(s.path() + " = " + shorten(e.toString()) + ": expected a whole number");
            }
            throw new ConfigException(
                    s.path() + " = " + shorten(e.toString()) + ": out of range: allowed " + lo + " to " + hi);
        }
    }

    private static ConfigException wrong(Setting s, JsonElement e) {
        return new ConfigException(s.path() + " = " + shorten(String.valueOf(e)) + ": expected a "
                + s.type().label()
                + (s.type() == Setting.Type.ENUM ? " (one of " + String.join(", ", s.names()) + ")" : "")
                + ", found " + kindOf(e));
    }

    private static Object[] points(JsonElement e) throws ConfigException {
        if (!e.isJsonArray()) {
            throw new ConfigException("dataset.points: expected a list of [x1, …, xd, y] rows, found " + kindOf(e));
        }
        JsonArray rows = e.getAsJsonArray();
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            JsonElement row = rows.get(i);
            if (!row.isJsonArray() || row.getAsJsonArray().size() < 2) {
                throw new ConfigException(
                        "dataset.points[" + i + "]: expected [x1, …, xd, y], found " + shorten(String.valueOf(row)));
            }
            JsonArray r = row.getAsJsonArray();
            x[i] = new double[r.size() - 1];
            for (int k = 0; k < r.size(); k++) {
                JsonElement v = r.get(k);
                if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                    throw new ConfigException(
                            "dataset.points[" + i + "][" + k + "]: expected a number, found " + kindOf(v));
                }
                double d = v.getAsBigDecimal().doubleValue();
                if (k < r.size() - 1) {
                    x[i][k] = d;
                } else {
                    y[i] = d;
                }
            }
        }
        return new Object[] {x, y};
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

    private static String kindOf(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return "true/false";
        }
        if (p.isNumber()) {
            return "the number " + shorten(p.toString());
        }
        return "the text " + shorten(p.toString());
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
