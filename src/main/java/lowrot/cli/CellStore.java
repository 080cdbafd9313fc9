package lowrot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lowrot.io.AtomicFiles;

/**
 * One result file per finished cell of a multi-run command ({@code OUT/cells/PREFIX-KEY.csv}), so that a command
 * killed part-way and run again computes only the cells still missing. Each file starts with the grid's line (the
 * plan and the config's fingerprint): a file of another grid is never taken for a result of this one. Written
 * atomically, so a cell file is whole or absent.
 */
final class CellStore {
    private static final String GRID = "# grid ";

    private final Path dir;
    private final String prefix;
    private final String grid;

    CellStore(Path out, String prefix, String grid) {
        this.dir = out.resolve("cells");
        this.prefix = prefix;
        this.grid = grid;
    }

    Path dir() {
        return dir;
    }

    /** The rows of every finished cell of this grid, by key. */
    Map<String, List<String>> done() throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith(prefix + "-") && name.endsWith(".csv");
                    })
                    .toList();
        }
        for (Path p : files) {
            List<String> lines = Files.readAllLines(p);
            if (lines.isEmpty() || !lines.get(0).equals(GRID + grid)) {
                continue;
            }
            String name = p.getFileName().toString();
            out.put(
                    name.substring(prefix.length() + 1, name.length() - ".csv".length()),
                    new ArrayList<>(lines.subList(1, lines.size())));
        }
        return out;
    }

    /** Saves a finished cell's rows (from any thread). */
    void save(String key, List<String> rows) {
        StringBuilder b = new StringBuilder(GRID).append(grid).append('\n');
        for (String r : rows) {
            b.append(r).append('\n');
        }
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeText(dir.resolve(prefix + "-" + key + ".csv"), b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line a re-run prints: how many cells were found done and how many remain. */
    String summary(int done, int total) {
        return done == 0
                ? total + " cells to compute (each kept in " + dir + " as it finishes)"
                : done + " of " + total + " cells already done in " + dir + "; computing " + (total - done);
    }
}
