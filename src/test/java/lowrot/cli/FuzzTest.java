package lowrot.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lowrot.core.util.Rng;
import lowrot.io.ConfigException;
import lowrot.io.ConfigJson;
import lowrot.io.CsvData;
import lowrot.io.LabConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated malformed configs and CSV files: each is either accepted as valid or rejected with a
 * ConfigException (a message for the user) — never another exception, never a hang.
 */
class FuzzTest {
    private static final String[] VALUES = {
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "-1e400",
        "\"text\"",
        "null",
        "true",
        "[]",
        "{}",
        "[1,[2,[3]]]",
        "0",
        "-1",
        "2147483648",
        "9223372036854775808",
        "0.5",
        "\"\"",
        "1e-400",
        "\"QUADRANTS\"",
        "\"quadrants\"",
        "\"\\u0000\"",
        "[" + "1,".repeat(1000) + "1]"
    };

    static List<String> malformedConfigs(int count) {
        Rng rng = new Rng(77);
        String valid = ConfigJson.write(LabConfig.defaults());
        List<String> out = new ArrayList<>();
        out.add("");
        out.add(" ");
        out.add("null");
        out.add("{");
        out.add("}");
        out.add("[".repeat(100_000));
        out.add("{\"a\":".repeat(10_000));
        out.add("{\"description\": \"" + "x".repeat(2_000_000) + "\"}");
        out.add(new String(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}, StandardCharsets.ISO_8859_1));
        while (out.size() < count) {
            String text = valid;
            int edits = 1 + rng.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int kind = rng.nextInt(6);
                int at = rng.nextInt(text.length());
                switch (kind) {
                    case 0 ->
                        text = text.substring(0, at)
                                + text.substring(Math.min(text.length(), at + 1 + rng.nextInt(20)));
                    case 1 -> text = text.substring(0, at) + (char) (rng.nextInt(256)) + text.substring(at);
                    case 2 -> {
                        // Replace a value after a colon with something hostile.
                        int colon = text.indexOf(':', at);
                        if (colon > 0) {
                            int end = colon + 1;
                            while (end < text.length() && text.charAt(end) != ',' && text.charAt(end) != '\n') {
                                end++;
                            }
                            text = text.substring(0, colon + 1) + " " + VALUES[rng.nextInt(VALUES.length)]
                                    + text.substring(end);
                        }
                    }
                    case 3 -> text = text.substring(0, at);
                    case 4 -> text = text.replaceFirst("\"(width|n|d|stepSize|kind|regime)\"", "\"$1x\"");
                    default ->
                        text = text.substring(0, at) + "{\"deep\":".repeat(rng.nextInt(200)) + text.substring(at);
                }
            }
            out.add(text);
        }
        return out;
    }

    static List<String> malformedCsv(int count) {
        Rng rng = new Rng(78);
        String valid = "x1,x2,y\n0.1,0.2,1\n-0.3,0.4,-1\n0.5,-0.1,0\n";
        List<String> out = new ArrayList<>(List.of(
                "",
                "\n\n",
                "x,y",
                "1",
                "a,b,c\n",
                "0.1,0.2,1\n0.1\n",
                "0.1,0.2,5\n",
                "NaN,1,1\n",
                "1e400,0,1\n0,1,-1\n",
                "x".repeat(2_000_000),
                "0.1;0.2;1\n0.3;0.1;-1\n",
                "\0\0\0"));
        while (out.size() < count) {
            StringBuilder sb = new StringBuilder(valid);
            for (int e = 0; e < 1 + rng.nextInt(4); e++) {
                int at = rng.nextInt(sb.length());
                switch (rng.nextInt(4)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, (char) rng.nextInt(128));
                    case 2 -> sb.insert(at, VALUES[rng.nextInt(VALUES.length)]);
                    default -> sb.insert(at, ",,");
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void malformedConfigsAreRejectedCleanly(@TempDir Path dir) throws Exception {
        List<String> configs = malformedConfigs(600);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int rejected = 0;
            for (int k = 0; k < configs.size(); k++) {
                try {
                    ConfigJson.parse(configs.get(k), dir);
                } catch (ConfigException e) {
                    assertTrue(
                            !e.problems().isEmpty()
                                    && e.problems().stream().allMatch(p -> !p.isBlank() && p.length() < 2000),
                            "message of case " + k);
                    rejected++;
                } catch (RuntimeException | StackOverflowError e) {
                    fail("case " + k + " threw " + e + " for input starting "
                            + configs.get(k)
                                    .substring(0, Math.min(200, configs.get(k).length())));
                }
            }
            assertTrue(rejected >= 450, "most mutations are invalid: " + rejected);
        });
        // The same inputs as files through the command line: exit code 2, never a crash.
        for (int k = 0; k < 40; k++) {
            Path f = dir.resolve("c" + k + ".json");
            Files.writeString(f, configs.get(k * 13 % configs.size()), StandardCharsets.ISO_8859_1);
            int code = Cli.run(
                    new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(new java.io.StringWriter()),
                    "validate",
                    f.toString());
            assertTrue(code == Cli.OK || code == Cli.INVALID, "exit " + code);
        }
    }

    @Test
    void malformedCsvIsRejectedCleanly() {
        List<String> files = malformedCsv(520);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int k = 0; k < files.size(); k++) {
                try {
                    CsvData.parse(files.get(k), "f.csv");
                } catch (ConfigException e) {
                    assertTrue(e.getMessage().startsWith("f.csv"), e.getMessage());
                } catch (RuntimeException e) {
                    fail("csv case " + k + " threw " + e);
                }
            }
        });
    }
}
