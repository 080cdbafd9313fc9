package lowrot.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.IntStream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Shard i of N of an experiment's grid: the cells k with k mod N = i (cell k of a sweep is width index
 * k / seeds, seed index k mod seeds). Every cell's result does not depend on which shard computed it, so
 * {@code lowrot merge} puts the shards together into exactly the files one unsharded run writes.
 */
record Shard(int index, int count) {
    /** The cells of a grid of {@code total} cells that this shard computes, in increasing order. */
    int[] cells(int total) {
        return IntStream.range(0, total).filter(k -> k % count == index).toArray();
    }

    /** "i/N" as written on the command line and in a shard file's first line. */
    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** The file a shard of an experiment writes, e.g. {@code sweep-shard-0-of-3.csv}. */
    String fileName(String kind) {
        return kind + "-shard-" + index + "-of-" + count + ".csv";
    }

    static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (n >= 1 && n <= 100_000 && i >= 0 && i < n) {
                    return new Shard(i, n);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException("--shard = \"" + text + "\": expected i/N with 0 ≤ i < N, e.g. 0/3");
    }

    /** Converts {@code --shard i/N}. */
    static final class Converter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            return parse(value);
        }
    }

    /** A short fingerprint of a config's canonical JSON, so that shards of different configs never merge. */
    static String fingerprint(String configJson) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(configJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
