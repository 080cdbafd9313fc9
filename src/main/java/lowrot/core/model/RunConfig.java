package lowrot.core.model;

import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.util.Problems;

/**
 * A complete, reproducible description of a run: data, network, training and the two seeds.
 * The data seed and the initialization seed drive independent streams.
 */
public record RunConfig(DataSpec dataset, NetworkSpec network, TrainSpec training, long dataSeed, long initSeed) {

    /** The ready default run: quadrant data in the plane, near initialization, m = 64. */
    public static RunConfig defaults() {
        return new RunConfig(
                DataSpec.defaults(DatasetKind.QUADRANTS), NetworkSpec.defaults(), TrainSpec.defaults(), 1L, 1L);
    }

    public RunConfig withDataset(DataSpec value) {
        return new RunConfig(value, network, training, dataSeed, initSeed);
    }

    public RunConfig withNetwork(NetworkSpec value) {
        return new RunConfig(dataset, value, training, dataSeed, initSeed);
    }

    public RunConfig withTraining(TrainSpec value) {
        return new RunConfig(dataset, network, value, dataSeed, initSeed);
    }

    public RunConfig withSeeds(long data, long init) {
        return new RunConfig(dataset, network, training, data, init);
    }

    /** Every problem in the configuration. */
    public Problems validate() {
        Problems p = new Problems();
        if (dataset == null || network == null || training == null) {
            return p.require(dataset != null, "dataset is missing")
                    .require(network != null, "network is missing")
                    .require(training != null, "training is missing");
        }
        p.addAll(dataset.validate()).addAll(network.validate()).addAll(training.validate(dataset.n()));
        return p;
    }
}
