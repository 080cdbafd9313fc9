package lowrot.core;

/**
 * Which loops compute the training step: {@link #SCALAR}, one pair at a time, or {@link #VECTOR}, SIMD lanes
 * through the Vector API ({@link VectorKernel}), in the plane (d = 2) and for d &gt; 2 alike. Both give the same
 * bits — each lane holds its own sums in the scalar order and rounding ({@link Kernel}) — so the engine changes
 * speed only. The vector engine needs the JVM option
 * {@code --add-modules jdk.incubator.vector} ({@code mvn javafx:run}, the tests and the benchmarks pass it; for
 * {@code java -jar} add it before {@code -jar}); without it the scalar engine runs.
 */
public enum Engine {
    SCALAR("scalar (one pair at a time)"),
    VECTOR("vector (Vector API)");

    private static final boolean VECTOR_PRESENT =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static volatile Engine current = VECTOR_PRESENT ? VECTOR : SCALAR;

    private final String label;

    Engine(String label) {
        this.label = label;
    }

    /** The engine every trainer uses now. */
    public static Engine current() {
        return current;
    }

    /** Whether this JVM can run the engine. */
    public boolean available() {
        return this == SCALAR || VECTOR_PRESENT;
    }

    /** Switches the engine of every trainer (results do not change); for benchmarks and tests. */
    public static void use(Engine engine) {
        if (!engine.available()) {
            throw new IllegalArgumentException("engine " + engine.label + " is not available: start Java with"
                    + " --add-modules jdk.incubator.vector");
        }
        current = engine;
    }

    /** A line for {@code bench}: the engine, its lanes, and how to enable the vector engine when it is off. */
    public String describe() {
        if (this == VECTOR) {
            return label + ", " + VectorKernel.lanes() + " doubles per lane group";
        }
        return VECTOR_PRESENT
                ? label
                : label + " — the vector engine is off: start Java with --add-modules" + " jdk.incubator.vector";
    }
}
