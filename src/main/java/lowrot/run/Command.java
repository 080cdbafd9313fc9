package lowrot.run;

import java.util.function.Consumer;

/** What other threads ask of a {@link TrainingRun}; its thread acts on each between two steps, in order. */
sealed interface Command
        permits Command.Play,
                Command.Pause,
                Command.Step,
                Command.SetStepSize,
                Command.SetStepsPerSnapshot,
                Command.SetPace,
                Command.SetTarget,
                Command.Stop,
                Command.Save {
    /** Train (paced or as fast as possible). */
    record Play() implements Command {}

    /** Stop training and show the current step. */
    record Pause() implements Command {}

    /** Take {@code count} steps, then pause. */
    record Step(int count) implements Command {}

    /** η from the next step on. */
    record SetStepSize(double eta) implements Command {}

    /** A snapshot every so many steps when played as fast as possible. */
    record SetStepsPerSnapshot(int steps) implements Command {}

    /** τ-decades per second, 0 for as fast as possible. */
    record SetPace(double decadesPerSecond) implements Command {}

    /** Pause at this step count or τ (0: no limit of that kind). */
    record SetTarget(long steps, double time) implements Command {}

    /** End the run's thread after the step in progress. */
    record Stop() implements Command {}

    /** Hand a copy of the recording to {@code sink}. */
    record Save(Consumer<Recorder.Recording> sink) implements Command {}
}
