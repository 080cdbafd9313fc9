package lowrot.core.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lowrot.core.data.DataSpec;
import lowrot.core.util.Problems;

/**
 * The sample-complexity experiment's grid.
 *
 * @param dims  the dimensions of each learner (a learner without dimensions is not run)
 * @param ns    training-set sizes, visited in increasing order
 * @param seeds seeds; seed s draws the data and initializes the network
 */
public record ComplexityPlan(Map<Learner, int[]> dims, int[] ns, long[] seeds, ComplexitySettings settings) {
    /** The default experiment: about 6 minutes on 2 cores (docs/performance.md). */
    public static ComplexityPlan defaults() {
        Map<Learner, int[]> dims = new EnumMap<>(Learner.class);
        dims.put(Learner.KERNEL, parse(SampleComplexity.KERNEL_DIMS));
        dims.put(Learner.NEAR_INITIALIZATION, parse(SampleComplexity.NEAR_DIMS));
        dims.put(Learner.MAX_MARGIN, parse(SampleComplexity.MAX_MARGIN_DIMS));
        dims.put(Learner.RICH, parse(SampleComplexity.RICH_DIMS));
        return new ComplexityPlan(
                dims,
                SampleComplexity.geometricSizes(8, 4096),
                seeds(SampleComplexity.SEEDS),
                ComplexitySettings.defaults());
    }

    /** A quick look: d up to 16, n up to 512, 3 seeds, ε = 0.1 — the shape of the result in about half a minute. */
    public static ComplexityPlan quick() {
        Map<Learner, int[]> dims = new EnumMap<>(Learner.class);
        dims.put(Learner.KERNEL, new int[] {8, 12, 16});
        dims.put(Learner.NEAR_INITIALIZATION, new int[] {4, 6, 8});
        dims.put(Learner.MAX_MARGIN, new int[] {4, 6, 8});
        dims.put(Learner.RICH, new int[] {8, 12, 16});
        return new ComplexityPlan(
                dims,
                SampleComplexity.geometricSizes(8, 512),
                seeds(SampleComplexity.QUICK_SEEDS),
                ComplexitySettings.defaults().withEpsilon(SampleComplexity.QUICK_EPSILON));
    }

    /** The dimensions of a learner (empty when it is not run). */
    public int[] dims(Learner learner) {
        return dims.getOrDefault(learner, new int[0]);
    }

    /** Every problem, naming the option and its allowed range. */
    public Problems validate() {
        Problems p = new Problems()
                .require(ns.length > 0 && seeds.length > 0, "complexity: at least one n and one seed are needed")
                .range("complexity test points", settings.nTest(), 1, DataSpec.MAX_N)
                .rangeAbove("complexity target ε", settings.epsilon(), 0, 0.5);
        boolean any = false;
        for (Learner l : Learner.values()) {
            for (int d : dims(l)) {
                p.range("complexity d (" + l.label() + ")", d, 2, 256);
                any = true;
            }
        }
        p.require(any, "complexity: at least one learner needs at least one d");
        for (int n : ns) {
            p.range("complexity n", n, 1, DataSpec.MAX_N);
        }
        return p;
    }

    /** The chains in their fixed order: learner, then d as listed, then seed as listed. */
    public List<SampleComplexity.Chain> chains() {
        List<SampleComplexity.Chain> out = new ArrayList<>();
        for (Learner l : Learner.values()) {
            for (int d : dims(l)) {
                for (long seed : seeds) {
                    out.add(new SampleComplexity.Chain(l, d, seed));
                }
            }
        }
        return out;
    }

    private static int[] parse(String dims) {
        return java.util.Arrays.stream(dims.split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    /** Seeds 1 … count. */
    private static long[] seeds(int count) {
        long[] out = new long[count];
        for (int s = 0; s < count; s++) {
            out[s] = s + 1;
        }
        return out;
    }
}
