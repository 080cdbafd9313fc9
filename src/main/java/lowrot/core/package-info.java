/**
 * The mathematics, one sub-package per concern, from the bottom up:
 *
 * <ul>
 *   <li>{@code util} — random streams, input checks, cancellation and progress, worker pools, the simplex projection;
 *   <li>{@code step} — the training step's hot loops (the step kernels): the reference order of every sum, the scalar
 *       and the SIMD engines and the activity bits;
 *   <li>{@code data} — the data sets and their generators;
 *   <li>{@code model} — the network, its settings (width, scales, initialization, loss, optimizer, regime) and the
 *       regime presets;
 *   <li>{@code train} — the trainer, its step passes, the metrics and the snapshots;
 *   <li>{@code margin} — the reference margins: the global margin (column generation, its LP and the branch and
 *       bound of its pricing), the NTK margin, the tangent kernel and its ℓ₂ ceilings;
 *   <li>{@code experiment} — the width experiment and the sample-complexity experiment with their fits;
 *   <li>{@code claims} — the paper's claims, each judged by runs.
 * </ul>
 *
 * <p>Rules (ArchUnit, {@code lowrot.ArchitectureTest}): no cycle between the sub-packages; dependencies point down the
 * list above (util and step use no other core package, and only train uses step); plain Java (and EJML, ojAlgo) —
 * no JavaFX, charts, JSON, files or clock. A {@link lowrot.core.train.Trainer} belongs to one thread; solvers run on
 * the caller's thread and may split work over a pool in a fixed order, so results never depend on the thread count
 * or the clock.
 */
package lowrot.core;
