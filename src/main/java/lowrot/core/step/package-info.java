/**
 * The step kernels: the training step's hot loops, the forward pass z = y·s·g(x) and the backward pass (∂a, ∂v).
 * {@link lowrot.core.step.Kernel} fixes the reference order of every sum and dispatches, {@code ScalarKernel} is
 * the scalar engine for d ≠ 2, {@code VectorKernel}, {@code VectorBackward}, {@code TileSums} and
 * {@code VectorPlaneKernel} compute the same sums on SIMD lanes, and {@link lowrot.core.step.ActivityMask} holds the
 * bits 1[h &gt; 0] the forward pass keeps for the backward pass. {@link lowrot.core.step.Engine} picks the scalar or
 * the vector loops; both give the same bits.
 *
 * <p>Depends on no other core package; only {@code lowrot.core.train} calls the loops (outside the core, bench
 * picks an {@code Engine} and the memory guard counts the activity bits).
 */
package lowrot.core.step;
