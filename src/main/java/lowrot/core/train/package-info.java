/**
 * Training: the {@link lowrot.core.train.Trainer} (one step of gradient descent or SGD on a network, owned by one
 * thread), its {@code StepPasses} (the step kernels over the step pool in a fixed split), the
 * {@link lowrot.core.train.Metrics} its {@code MetricsCalculator} computes and the immutable
 * {@link lowrot.core.train.Snapshot}s other threads see. The only user of {@code lowrot.core.step}.
 */
package lowrot.core.train;
