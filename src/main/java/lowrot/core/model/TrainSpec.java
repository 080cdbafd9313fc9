package lowrot.core.model;

import lowrot.core.util.Problems;

/**
 * How the network is trained.
 *
 * @param regime         which weights may rotate
 * @param loss           ℓ
 * @param optimizer      gradient flow, loss-normalised gradient flow or SGD
 * @param stepSize       η
 * @param batchSize      b, examples per SGD step (ignored by the full-batch optimizers)
 * @param outerTrainable whether the outer weights a_j train (otherwise frozen at initialization)
 */
public record TrainSpec(
        Regime regime, Loss loss, Optimizer optimizer, double stepSize, int batchSize, boolean outerTrainable) {

    public static final double MAX_STEP_SIZE = 1e6;

    public static TrainSpec defaults() {
        return new TrainSpec(Regime.NEAR_INITIALIZATION, Loss.LOGISTIC, Optimizer.GRADIENT_FLOW, 0.5, 1, true);
    }

    public TrainSpec withRegime(Regime value) {
        return new TrainSpec(value, loss, optimizer, stepSize, batchSize, outerTrainable);
    }

    public TrainSpec withLoss(Loss value) {
        return new TrainSpec(regime, value, optimizer, stepSize, batchSize, outerTrainable);
    }

    public TrainSpec withOptimizer(Optimizer value) {
        return new TrainSpec(regime, loss, value, stepSize, batchSize, outerTrainable);
    }

    public TrainSpec withStepSize(double value) {
        return new TrainSpec(regime, loss, optimizer, value, batchSize, outerTrainable);
    }

    public TrainSpec withBatchSize(int value) {
        return new TrainSpec(regime, loss, optimizer, stepSize, value, outerTrainable);
    }

    public TrainSpec withOuterTrainable(boolean value) {
        return new TrainSpec(regime, loss, optimizer, stepSize, batchSize, value);
    }

    /** Every problem, naming the field and the allowed range; n is the training-set size. */
    public Problems validate(int n) {
        Problems p = new Problems();
        p.require(regime != null, "training.regime is missing");
        p.require(loss != null, "training.loss is missing");
        p.require(optimizer != null, "training.optimizer is missing");
        p.rangeAbove("training.stepSize", stepSize, 0.0, MAX_STEP_SIZE);
        p.range("training.batchSize", batchSize, 1, Math.max(1, n));
        return p;
    }
}
