package lowrot.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lowrot.core.data.Dataset;

/**
 * Reads explicit points from CSV: columns x1, …, xd, y; an optional header line; labels ±1 or
 * 0/1 (0 becomes −1). If some rows lie outside the unit ball, every row is divided by the largest
 * norm (which keeps the geometry and every label) and the message says so. Errors name the line
 * and the column.
 */
public final class CsvData {
    /** Files larger than this are refused. */
    public static final long MAX_BYTES = 64L << 20;

    private static final int MAX_LINE = 1 << 20;

    /** The points and a note for the user (empty if nothing was changed). */
    public record Result(Dataset data, String message) {}

    private CsvData() {}

    public static Result read(Path file) throws ConfigException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(file + ": " + size + " bytes is too large (at most " + MAX_BYTES + ")");
            }
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (BufferedReader reader =
                    new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
                return parse(reader, file.toString());
            }
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + ConfigJson.describe(e) + ")");
        }
    }

    /** Parses CSV text; {@code name} is used in messages. */
    public static Result parse(String text, String name) throws ConfigException {
        try {
            return parse(new BufferedReader(new java.io.StringReader(text)), name);
        } catch (IOException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
    }

    private static Result parse(BufferedReader reader, String name) throws IOException, ConfigException {
        List<double[]> rows = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        int width = -1;
        int lineNo = 0;
        boolean headerSeen = false;
        StringBuilder line = new StringBuilder();
        while (readLine(reader, line, name, lineNo + 1)) {
            lineNo++;
            String text = line.toString().trim();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] cells = text.split("[,;\\t]", -1);
            if (rows.isEmpty() && !headerSeen && !looksNumeric(cells[0])) {
                headerSeen = true;
                continue;
            }
            if (cells.length < 2) {
                throw new ConfigException(
                        name + " line " + lineNo + ": expected x1,…,xd,y (at least 2 columns), found " + cells.length);
            }
            if (width < 0) {
                width = cells.length;
            } else if (cells.length != width) {
                throw new ConfigException(
                        name + " line " + lineNo + ": " + cells.length + " columns, but earlier rows have " + width);
            }
            double[] x = new double[width - 1];
            for (int k = 0; k < width; k++) {
                double v;
                try {
                    v = Double.parseDouble(cells[k].trim());
                } catch (NumberFormatException e) {
                    throw new ConfigException(name + " line " + lineNo + " column " + (k + 1) + ": \""
                            + ConfigJson.shorten(cells[k].trim()) + "\" is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new ConfigException(name + " line " + lineNo + " column " + (k + 1) + ": " + cells[k].trim()
                            + " is not a finite number");
                }
                if (k < width - 1) {
                    x[k] = v;
                } else if (v == 1 || v == -1 || v == 0) {
                    labels.add(v == 0 ? -1.0 : v);
                } else {
                    throw new ConfigException(name + " line " + lineNo + " column " + (k + 1) + ": label "
                            + cells[k].trim() + " is not allowed: use 1 and -1, or 1 and 0");
                }
            }
            rows.add(x);
        }
        if (rows.isEmpty()) {
            throw new ConfigException(name + ": no data rows");
        }
        double maxNorm = 0;
        for (double[] x : rows) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            maxNorm = Math.max(maxNorm, Math.sqrt(s));
        }
        String message = "";
        if (maxNorm > 1) {
            for (double[] x : rows) {
                for (int k = 0; k < x.length; k++) {
                    x[k] /= maxNorm;
                }
            }
            message = String.format(
                    "%s: some rows lay outside the unit ball; every row was divided by %.6g "
                            + "(the largest norm) so that all lie inside",
                    name, maxNorm);
        }
        double[] y = new double[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        try {
            return new Result(Dataset.fromPoints(rows.toArray(new double[0][]), y), message);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
    }

    /** Reads one line into {@code out}, refusing absurdly long lines without holding them. */
    private static boolean readLine(BufferedReader reader, StringBuilder out, String name, int lineNo)
            throws IOException, ConfigException {
        out.setLength(0);
        int c;
        boolean any = false;
        while ((c = reader.read()) != -1) {
            any = true;
            if (c == '\n') {
                return true;
            }
            if (c != '\r') {
                if (c == 0) {
                    throw new ConfigException(name + " line " + lineNo + ": binary data (a NUL byte)");
                }
                out.append((char) c);
                if (out.length() > MAX_LINE) {
                    throw new ConfigException(name + " line " + lineNo + ": longer than " + MAX_LINE + " characters");
                }
            }
        }
        return any;
    }

    private static boolean looksNumeric(String cell) {
        try {
            Double.parseDouble(cell.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
