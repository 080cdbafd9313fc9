package lowrot.io;

import lowrot.core.Problems;
import lowrot.core.RunConfig;

/**
 * A configuration file's content: the run (data, network, training, seeds), how long the command
 * line trains and how often it records, and the reference-margin settings.
 *
 * @param run             the run
 * @param steps           training steps of {@code lowrot run}
 * @param every           record a snapshot every this many steps
 * @param ntkDirections   M for the NTK margin
 * @param ntkTolerance    gap at which the NTK solver stops
 * @param globalTolerance relative gap at which the global-margin solver stops
 * @param csv             the CSV file of explicit points (kind POINTS), as written in the file, or null
 */
public record LabConfig(RunConfig run, long steps, int every, int ntkDirections, double ntkTolerance,
        double globalTolerance, String csv) {

    public static final int VERSION = 1;
    public static final String FORMAT = "lowrot-config";

    public static LabConfig defaults() {
        return new LabConfig(RunConfig.defaults(), 2000, 10, 4096, 1e-3, 1e-5, null);
    }

    /** The same settings around another run. */
    public LabConfig withRun(RunConfig value) {
        return new LabConfig(value, steps, every, ntkDirections, ntkTolerance, globalTolerance, csv);
    }

    public LabConfig withSteps(long value) {
        return new LabConfig(run, value, every, ntkDirections, ntkTolerance, globalTolerance, csv);
    }

    public LabConfig withEvery(int value) {
        return new LabConfig(run, steps, value, ntkDirections, ntkTolerance, globalTolerance, csv);
    }

    public LabConfig withNtkDirections(int value) {
        return new LabConfig(run, steps, every, value, ntkTolerance, globalTolerance, csv);
    }

    public LabConfig withNtkTolerance(double value) {
        return new LabConfig(run, steps, every, ntkDirections, value, globalTolerance, csv);
    }

    public LabConfig withGlobalTolerance(double value) {
        return new LabConfig(run, steps, every, ntkDirections, ntkTolerance, value, csv);
    }

    public LabConfig withCsv(String value) {
        return new LabConfig(run, steps, every, ntkDirections, ntkTolerance, globalTolerance, value);
    }

    /** Every problem, each naming its field and allowed range. */
    public Problems validate() {
        Problems p = new Problems();
        if (run == null) {
            return p.require(false, "the run settings are missing");
        }
        p.addAll(run.validate());
        p.range("run.steps", steps, 0, 1_000_000_000L);
        p.range("run.every", every, 1, 1_000_000_000);
        p.range("references.ntkDirections", ntkDirections, 16, 1 << 18);
        p.rangeAbove("references.ntkTolerance", ntkTolerance, 0, 1);
        p.rangeAbove("references.globalTolerance", globalTolerance, 0, 1);
        return p;
    }
}
