package lowrot;

/** The name and version of this build, as reports and {@code --version} print it. */
public final class Version {
    /** For example "lowrot 0.1". */
    public static final String NAME = "lowrot 0.1";

    private Version() {}
}
