/**
 * The reference margins and their certificates. The global margin γ_gl: {@link
 * lowrot.core.margin.GlobalMarginSolver} (column generation over neuron directions), its restricted LP
 * ({@code MarginLp}) and the branch and bound that prices a direction ({@code PatternSearch}), with the result in
 * {@link lowrot.core.margin.GlobalMarginResult}. The NTK margin γ_ntk: {@link lowrot.core.margin.NtkMarginSolver}.
 * The tangent kernel of a network ({@link lowrot.core.margin.TangentKernel}), its ℓ₂ ceilings
 * ({@link lowrot.core.margin.KernelCeiling}) and the simplex quadratic they solve; {@link
 * lowrot.core.margin.ReferenceMargins} gathers what a run is compared against.
 */
package lowrot.core.margin;
