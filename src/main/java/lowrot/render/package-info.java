/**
 * Figures drawn with Java2D: the circle view, the five charts (JFreeChart) and the composite figure; one
 * drawing for the window, PNG and SVG.
 *
 * <p>Thread rule: works headless and on any thread, but a {@link lowrot.render.ChartSet} or
 * {@link lowrot.render.Trails} belongs to one thread at a time (the window's painter thread, an export, the
 * command line). No JavaFX.
 */
package lowrot.render;
