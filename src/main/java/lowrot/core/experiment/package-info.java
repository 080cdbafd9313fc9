/**
 * The experiments: the width experiment ({@link lowrot.core.experiment.WidthSweep}, its exponents in {@link
 * lowrot.core.experiment.Laziness}) and the sample-complexity experiment on 2-sparse parity ({@link
 * lowrot.core.experiment.SampleComplexity} with its four {@link lowrot.core.experiment.Learner}s, the NTK kernel
 * predictor, and {@link lowrot.core.experiment.ComplexityAnalysis}), with the least-squares fits they share.
 */
package lowrot.core.experiment;
