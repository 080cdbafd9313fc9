package lowrot.core.step;

/**
 * Which loops compute the training step: {@link #SCALAR}, one pair at a time, or {@link #VECTOR}, SIMD lanes
 * through the Vector API ({@link VectorKernel}), in the plane (d = 2) and for d &gt; 2 alike. Both give the same
 * bits — each lane holds its own sums in the scalar order and rounding ({@link Kernel}) — so the engine changes
 * speed only. The vector engine needs the JVM option
 * {@code --add-modules jdk.incubator.vector}: {@code mvn javafx:run}, the tests, the benchmarks and the app image
 * pass it, and {@code java -jar lowrot.jar} starts itself again with it; without it the scalar engine runs.
 */
public enum Engine {
    SCALAR("scalar (one pair at a time)"),
    VECTOR("vector (Vector API)");

    private static final boolean VECTOR_PRESENT =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /**
     * Whether the JVM compiles fused multiply-adds to an instruction. Without one (a processor or a virtual
     * machine without FMA3, or {@code -XX:-UseFMA}) every fused multiply-add of the d &gt; 2 order runs in
     * software in both engines, thousands of times slower (measured with {@code -XX:-UseFMA}: 0.3 steps/s instead
     * of 3,500 at n = 256, m = 256, d = 20); the plane's sums use none.
     */
    private static final boolean HARDWARE_FMA = hardwareFma();

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

    private static boolean hardwareFma() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean bean = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            return bean == null
                    || Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return true; // not HotSpot, or no such option: nothing says the instruction is missing
        }
    }

    /** Switches the engine of every trainer (results do not change); for benchmarks and tests. */
    public static void use(Engine engine) {
        if (!engine.available()) {
            throw new IllegalArgumentException("engine " + engine.label + " is not available: start Java with"
                    + " --add-modules jdk.incubator.vector");
        }
        current = engine;
    }

    /**
     * Why the scalar engine trains, and how to get the vector one, in one line (for training commands when the
     * current engine is the scalar one); {@code asked}: the user chose it ({@code -Dlowrot.engine=scalar}).
     */
    public static String scalarReason(boolean asked) {
        if (asked) {
            return "training on the scalar engine, as asked (-Dlowrot.engine=scalar); without that option the vector"
                    + " engine trains, with the same bits, several times faster";
        }
        return "training on the scalar engine: this JVM has not loaded the module jdk.incubator.vector, which the"
                + " vector engine needs (the same bits, several times faster); start Java with --add-modules"
                + " jdk.incubator.vector, or use lowrot's own launcher (java -jar lowrot.jar, bin/lowrot)";
    }

    /**
     * A line for {@code bench}: the engine, its lanes, how to enable the vector engine when it is off, and a
     * warning when the processor has no fused multiply-add instruction.
     */
    public String describe() {
        String fma = HARDWARE_FMA
                ? ""
                : " — this processor has no fused multiply-add instruction: d > 2 steps (whose documented order"
                        + " uses fused multiply-adds) run in software, thousands of times slower";
        if (this == SCALAR && !VECTOR_PRESENT) {
            return label + " — the vector engine is off: start Java with --add-modules jdk.incubator.vector" + fma;
        }
        return (this == VECTOR ? label + ", " + VectorKernel.lanes() + " doubles per lane group" : label) + fma;
    }
}
