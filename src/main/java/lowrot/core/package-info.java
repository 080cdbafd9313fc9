/**
 * The mathematics: data sets, the two-layer ReLU network, losses, the three regimes, the training step
 * and its kernels, metrics, and the reference-margin solvers with their certificates.
 *
 * <p>Thread rule: plain Java (and EJML, ojAlgo); no JavaFX, charts, JSON or files (an ArchUnit test keeps
 * it so). A {@link lowrot.core.Trainer} belongs to one thread; solvers run on the caller's thread and may
 * split work over a pool in a fixed order, so results never depend on the thread count or the clock.
 */
package lowrot.core;
