package lowrot.app;

import java.util.EnumSet;
import java.util.Map;
import java.util.function.Predicate;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.Optimizer;
import lowrot.io.LabConfig;

/**
 * Which settings apply to a config, so that the control panel shows only those: the neural-collapse group count
 * only for grouped data, the gap only for sectors, the batch size only with SGD, and so on. A setting not listed
 * always applies.
 */
final class Applicability {
    private static final Map<String, Predicate<LabConfig>> RULES = Map.of(
            "dataset.groups", kinds(EnumSet.of(DatasetKind.NEURAL_COLLAPSE)),
            "dataset.spread", kinds(EnumSet.of(DatasetKind.NEURAL_COLLAPSE, DatasetKind.RINGS)),
            "dataset.gapDegrees", kinds(EnumSet.of(DatasetKind.QUADRANTS, DatasetKind.SECTORS)),
            "dataset.sectors", kinds(EnumSet.of(DatasetKind.SECTORS)),
            "dataset.nTest", kinds(EnumSet.complementOf(EnumSet.of(DatasetKind.POINTS))),
            "dataset.labelNoise", kinds(EnumSet.complementOf(EnumSet.of(DatasetKind.POINTS))),
            "training.batchSize", c -> c.run().training().optimizer() == Optimizer.SGD);

    private Applicability() {}

    private static Predicate<LabConfig> kinds(EnumSet<DatasetKind> kinds) {
        return c -> kinds.contains(c.run().dataset().kind());
    }

    /** Whether the setting at {@code path} changes anything for this config. */
    static boolean applies(String path, LabConfig config) {
        Predicate<LabConfig> rule = RULES.get(path);
        return rule == null || rule.test(config);
    }
}
