package lowrot.io;

import java.util.ArrayList;
import java.util.List;
import lowrot.core.experiment.Learner;
import lowrot.core.experiment.SampleComplexity;

/**
 * complexity.csv, one row per sample-complexity cell: learner, d, n, seed, test and train error, mean and largest
 * rotation in degrees, feature share and the max-margin certificate. Doubles are written with Java's shortest
 * round-trip form, so a read cell equals the written one bit for bit; the certificate, last, is the rest of the
 * line.
 */
public final class ComplexityCsv {
    /** The first line of every complexity.csv and shard. */
    public static final String HEADER =
            "learner,d,n,seed,test_error,train_error,rotation_mean_deg,rotation_max_deg,feature_share,certificate";

    private ComplexityCsv() {}

    /** One cell as a row (no line end). */
    public static String row(SampleComplexity.Cell c) {
        return c.learner().name() + "," + c.d() + "," + c.n() + "," + c.seed() + "," + c.testError() + ","
                + c.trainError() + "," + c.rotationMeanDegrees() + "," + c.rotationMaxDegrees() + ","
                + c.featureShare() + "," + c.certificate();
    }

    /**
     * Reads one row; a malformed row throws IllegalArgumentException saying what is wrong. The certificate is the
     * last field and may itself hold commas ("certified, gap open"): it is the rest of the line.
     */
    public static SampleComplexity.Cell parse(String line) {
        String[] f = line.split(",", 10);
        if (f.length != 10) {
            throw new IllegalArgumentException("expected 10 fields, found " + f.length);
        }
        return new SampleComplexity.Cell(
                Learner.valueOf(f[0]),
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Long.parseLong(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                Double.parseDouble(f[7]),
                Double.parseDouble(f[8]),
                f[9]);
    }

    /** Reads a whole complexity.csv text: the header, then one row per line (blank lines ignored). */
    public static List<SampleComplexity.Cell> parseAll(String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a complexity.csv: the first line must be " + HEADER);
        }
        List<SampleComplexity.Cell> cells = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                try {
                    cells.add(parse(lines[i]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return cells;
    }
}
