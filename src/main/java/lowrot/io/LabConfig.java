package lowrot.io;

import lowrot.core.margin.GlobalMarginSolver;
import lowrot.core.model.RunConfig;
import lowrot.core.util.Problems;

/**
 * A configuration file's content: the run (data, network, training, seeds), how long the command
 * line trains and how often it records, and the reference-margin settings.
 *
 * @param run             the run
 * @param steps           training steps of {@code lowrot run}; the window pauses there (0: no step target)
 * @param every           record a snapshot every this many steps
 * @param ntkDirections   M for the NTK margin
 * @param ntkTolerance    gap at which the NTK solver stops
 * @param globalTolerance relative gap at which the global-margin solver stops
 * @param globalRounds    rounds of row and column generation of the global-margin solver, at most
 * @param globalNodes     branch-and-bound nodes per certificate of the global margin (d &gt; 2), at most
 * @param csv             the CSV file of explicit points (kind POINTS), as written in the file, or null
 */
public record LabConfig(
        RunConfig run,
        long steps,
        int every,
        int ntkDirections,
        double ntkTolerance,
        double globalTolerance,
        int globalRounds,
        int globalNodes,
        String csv) {

    public static final int VERSION = 1;
    public static final String FORMAT = "lowrot-config";

    public static LabConfig defaults() {
        GlobalMarginSolver.Options g = GlobalMarginSolver.Options.defaults();
        return new LabConfig(
                RunConfig.defaults(), 2000, 10, 4096, 1e-3, g.tolerance(), g.maxRounds(), g.maxNodes(), null);
    }

    /** The same settings around another run. */
    public LabConfig withRun(RunConfig value) {
        return new LabConfig(
                value, steps, every, ntkDirections, ntkTolerance, globalTolerance, globalRounds, globalNodes, csv);
    }

    public LabConfig withSteps(long value) {
        return new LabConfig(
                run, value, every, ntkDirections, ntkTolerance, globalTolerance, globalRounds, globalNodes, csv);
    }

    public LabConfig withEvery(int value) {
        return new LabConfig(
                run, steps, value, ntkDirections, ntkTolerance, globalTolerance, globalRounds, globalNodes, csv);
    }

    public LabConfig withNtkDirections(int value) {
        return new LabConfig(run, steps, every, value, ntkTolerance, globalTolerance, globalRounds, globalNodes, csv);
    }

    public LabConfig withNtkTolerance(double value) {
        return new LabConfig(run, steps, every, ntkDirections, value, globalTolerance, globalRounds, globalNodes, csv);
    }

    public LabConfig withGlobalTolerance(double value) {
        return new LabConfig(run, steps, every, ntkDirections, ntkTolerance, value, globalRounds, globalNodes, csv);
    }

    public LabConfig withGlobalRounds(int value) {
        return new LabConfig(run, steps, every, ntkDirections, ntkTolerance, globalTolerance, value, globalNodes, csv);
    }

    public LabConfig withGlobalNodes(int value) {
        return new LabConfig(run, steps, every, ntkDirections, ntkTolerance, globalTolerance, globalRounds, value, csv);
    }

    public LabConfig withCsv(String value) {
        return new LabConfig(
                run, steps, every, ntkDirections, ntkTolerance, globalTolerance, globalRounds, globalNodes, value);
    }

    /**
     * The global-margin solver's settings: gap, round cap and node cap — counts, never seconds, so the
     * window and the command line stop the same way on any machine.
     */
    public GlobalMarginSolver.Options globalOptions() {
        return GlobalMarginSolver.Options.defaults()
                .withTolerance(globalTolerance)
                .withMaxRounds(globalRounds)
                .withMaxNodes(globalNodes);
    }

    /**
     * What a change of config makes stale: the data (data set or data seed), the reference margins of the
     * data (the data or their settings) and everything that depends on the initial network.
     */
    public record Change(boolean data, boolean references, boolean initialization) {
        /** The first config: everything is new. */
        public static final Change ALL = new Change(true, true, true);
    }

    /** What moving from this config to {@code next} makes stale. */
    public Change changeTo(LabConfig next) {
        RunConfig a = run;
        RunConfig b = next.run;
        boolean data = !a.dataset().equals(b.dataset()) || a.dataSeed() != b.dataSeed();
        boolean init = data
                || !a.network().equals(b.network())
                || a.initSeed() != b.initSeed()
                || a.training().regime() != b.training().regime()
                || a.training().outerTrainable() != b.training().outerTrainable();
        return new Change(data, data || !sameReferenceSettings(next), init);
    }

    /** True when the reference margins computed under {@code other} hold under this config's settings too. */
    public boolean sameReferenceSettings(LabConfig other) {
        return ntkDirections == other.ntkDirections
                && ntkTolerance == other.ntkTolerance
                && globalTolerance == other.globalTolerance
                && globalRounds == other.globalRounds
                && globalNodes == other.globalNodes;
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
        p.range("references.globalRounds", globalRounds, 1, 100_000);
        p.range("references.globalNodes", globalNodes, 1, 100_000_000);
        return p;
    }
}
