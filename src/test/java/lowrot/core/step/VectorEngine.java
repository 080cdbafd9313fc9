package lowrot.core.step;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * For tests that compare the engines: without the vector engine they would compare the scalar engine with itself
 * and pass. Such a test is skipped, and reported as skipped, when the JVM lacks {@code --add-modules
 * jdk.incubator.vector}; in CI (environment variable CI set), where Surefire passes the module, it fails instead.
 */
public final class VectorEngine {
    private VectorEngine() {}

    /** Aborts the calling test (a reported skip), or fails it in CI, unless the vector engine is available. */
    public static void require() {
        if (Engine.VECTOR.available()) {
            return;
        }
        String why = "the vector engine is off (start Java with --add-modules jdk.incubator.vector): the test would"
                + " compare the scalar engine with itself";
        if (System.getenv("CI") != null) {
            fail(why + "; CI must run it");
        }
        Assumptions.abort(why);
    }
}
