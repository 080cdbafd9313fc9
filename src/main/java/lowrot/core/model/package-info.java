/**
 * The two-layer ReLU network and every setting of a run: {@link lowrot.core.model.Network} (the weights; its arrays
 * are exposed as documented live arrays, the way EJML exposes a matrix's data, so the trainer and the metrics read
 * and write them in place while the network stays with the model), the network's and the training's settings
 * ({@link lowrot.core.model.NetworkSpec}, {@link lowrot.core.model.TrainSpec}, {@link lowrot.core.model.RunConfig}),
 * losses, optimizers, the three regimes and their presets, and the learned plane of a network's directions.
 */
package lowrot.core.model;
