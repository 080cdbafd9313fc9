/**
 * The JavaFX window: the session model {@link lowrot.app.LabSession} (no Nodes) and the views that observe
 * it, one job per file — control panel, view panel, live figures with the circle interaction, file actions,
 * exports, the Experiments window, the tour of the paper and presentation mode — wired by
 * {@link lowrot.app.MainWindow}.
 *
 * <p>Thread rule: everything runs on the FX thread except the three named crossings, which take an
 * {@link java.util.concurrent.Executor}: {@link lowrot.app.SnapshotPump} (trainer → FX),
 * {@link lowrot.app.BackgroundJobs} (solvers, files, experiments → FX) and {@link lowrot.app.FigurePainter}
 * (painter → FX). Only {@code FxThread} calls {@code Platform.runLater}; see docs/architecture.md.
 */
package lowrot.app;
