/**
 * A training run on its own thread: commands in through a queue, immutable snapshots and metric points
 * out through a {@link lowrot.run.RunListener}; histories, recording, divergence and memory checks, so that
 * the window and the command line record the same way.
 *
 * <p>Thread rule: a {@link lowrot.run.TrainingRun} owns its trainer thread and never waits for a listener;
 * everything it hands out is immutable. No JavaFX.
 */
package lowrot.run;
