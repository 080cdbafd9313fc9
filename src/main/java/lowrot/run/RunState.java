package lowrot.run;

/** What a training run is doing. */
public enum RunState {
    /** Created, no step taken yet, waiting for play or step. */
    READY("ready"),
    RUNNING("running"),
    PAUSED("paused"),
    /** Stopped automatically because the risk or a weight stopped being finite or blew up. */
    DIVERGED("diverged"),
    /** The run's thread has ended. */
    STOPPED("stopped");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
