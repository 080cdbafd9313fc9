package lowrot.core.util;

/**
 * Seeded pseudo-random generator (SplitMix64) with the exact same output on every JVM.
 *
 * <p>The JDK's generators leave {@code nextGaussian} to the implementation, so bit-identical runs
 * across Java versions need a generator whose every step is written here. Independent streams for
 * data, initialization and SGD sampling come from {@link #stream(long, long)}.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    /** A generator whose sequence depends only on {@code seed}. */
    public Rng(long seed) {
        this.state = mix(seed);
    }

    /** An independent stream for the pair (seed, stream id): different ids give unrelated sequences. */
    public static Rng stream(long seed, long streamId) {
        return new Rng(mix(seed) ^ mix(streamId * GOLDEN + 0x632BE59BD9B4E019L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The generator's whole state as three words (position, whether a spare Gaussian waits, its bits). */
    public long[] state() {
        return new long[] {state, hasSpare ? 1 : 0, Double.doubleToRawLongBits(spareGaussian)};
    }

    /** Puts the generator back where {@link #state()} found it. */
    public void restore(long[] words) {
        if (words.length != 3) {
            throw new IllegalArgumentException("a generator state has 3 words, not " + words.length);
        }
        state = words[0];
        hasSpare = words[1] != 0;
        spareGaussian = Double.longBitsToDouble(words[2]);
    }

    /** Next 64 uniformly distributed bits. */
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound), without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** +1 or -1 with equal probability. */
    public double nextSign() {
        return nextLong() < 0 ? -1.0 : 1.0;
    }

    /** Standard normal deviate (Marsaglia's polar method; the second value of each pair is kept). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double factor = Math.sqrt(-2.0 * Math.log(s) / s);
        spareGaussian = v * factor;
        hasSpare = true;
        return u * factor;
    }
}
