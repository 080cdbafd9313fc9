package lowrot.run;

/**
 * The state of a run as its thread last reported it.
 *
 * @param runId          the run
 * @param state          what it is doing
 * @param step           steps taken
 * @param stepsPerSecond training throughput over the last second of running
 * @param stepSize       η in force
 * @param message        a sentence for the status bar (empty if none)
 */
public record RunStatus(long runId, RunState state, long step, double stepsPerSecond, double stepSize, String message) {
}
