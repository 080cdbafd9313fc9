/**
 * What every concern of the core uses and that knows no mathematics of its own: {@link lowrot.core.util.Rng} (the
 * seeded random streams), {@link lowrot.core.util.Problems} (input checks that name the field and its range),
 * {@link lowrot.core.util.ProgressMonitor} (progress and cancellation of any long computation), the worker pools
 * ({@link lowrot.core.util.Workers}, {@link lowrot.core.util.Parallel}) and the Euclidean projection onto the
 * simplex ({@link lowrot.core.util.SimplexProjection}). Depends on no other core package.
 */
package lowrot.core.util;
