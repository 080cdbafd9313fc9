/**
 * The command line (picocli): run, margins, validate, bench, sweep, complexity, compare — the same
 * mathematics and drawings as the window, without a display.
 *
 * <p>Thread rule: each command runs on the main thread and may use worker pools for independent runs;
 * results never depend on how many.
 */
package lowrot.cli;
