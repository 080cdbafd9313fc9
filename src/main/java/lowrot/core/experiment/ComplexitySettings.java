package lowrot.core.experiment;

import lowrot.core.margin.GlobalMarginSolver;

/**
 * How each learner of the sample-complexity experiment is built; the defaults are documented in docs/experiments.md.
 *
 * @param nTest            test points per (d, seed)
 * @param epsilon          target test error ε
 * @param nearWidth        width m of GF near initialization (standard 1/√m scaling, α = 1)
 * @param nearTime         GF time it trains to
 * @param nearStepSize     its step size η
 * @param richWidth        width of GF in the rich regime
 * @param richInitScale    its initialization scale α (both layers)
 * @param richSteps        its steps of loss-normalised gradient flow
 * @param richStepSize     its step size η
 * @param maxMargin        options of the global-margin program of the max-margin network
 * @param maxN             the largest n each learner is run at (index: {@link Learner#ordinal()})
 */
public record ComplexitySettings(
        int nTest,
        double epsilon,
        int nearWidth,
        double nearTime,
        double nearStepSize,
        int richWidth,
        double richInitScale,
        long richSteps,
        double richStepSize,
        GlobalMarginSolver.Options maxMargin,
        int[] maxN) {
    /** The defaults of docs/experiments.md. */
    public static ComplexitySettings defaults() {
        return new ComplexitySettings(
                SampleComplexity.TEST_POINTS,
                SampleComplexity.EPSILON,
                1024,
                1000,
                4,
                64,
                0.1,
                8192,
                1.0,
                GlobalMarginSolver.Options.defaults()
                        .withTolerance(1e-3)
                        .withMaxRounds(60)
                        .withMaxNodes(2000)
                        .withSparseSeeds(false),
                new int[] {4096, 1024, 128, 512});
    }

    /** These settings with the target test error ε replaced. */
    public ComplexitySettings withEpsilon(double value) {
        return with(nTest, value);
    }

    /** These settings with the test points per (d, seed) replaced. */
    public ComplexitySettings withNTest(int value) {
        return with(value, epsilon);
    }

    private ComplexitySettings with(int testPoints, double target) {
        return new ComplexitySettings(
                testPoints,
                target,
                nearWidth,
                nearTime,
                nearStepSize,
                richWidth,
                richInitScale,
                richSteps,
                richStepSize,
                maxMargin,
                maxN);
    }

    /** The largest n a learner is run at. */
    public int maxN(Learner learner) {
        return maxN[learner.ordinal()];
    }
}
