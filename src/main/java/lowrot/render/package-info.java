/**
 * Figures drawn with Java2D: the circle view, the six charts (JFreeChart, legends fitted by
 * {@link lowrot.render.LegendFit}) and the composite figure; one drawing for the window, PNG and SVG, in the
 * window's text sizes or presentation mode's ({@link lowrot.render.ChartText}).
 *
 * <p>Thread rule: works headless and on any thread, but a {@link lowrot.render.ChartSet} or
 * {@link lowrot.render.Trails} belongs to one thread at a time (the window's painter thread, an export, the
 * command line). No JavaFX.
 */
package lowrot.render;
