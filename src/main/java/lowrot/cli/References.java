package lowrot.cli;

import lowrot.core.data.DataSplit;
import lowrot.core.margin.GlobalMarginSolver;
import lowrot.core.margin.KernelCeiling;
import lowrot.core.margin.NtkMarginSolver;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.train.Trainer;
import lowrot.core.util.SolverMonitor;
import lowrot.io.LabConfig;

/** Computes the three reference margins of a config the way the window does. */
final class References {
    private References() {}

    static ReferenceMargins compute(LabConfig c, DataSplit data, SolverMonitor monitor) {
        return compute(c, data, new double[0], monitor);
    }

    /** The same, with a trained network's neurons (row-major m × d) as extra seeds of the γ_gl search. */
    static ReferenceMargins compute(LabConfig c, DataSplit data, double[] seeds, SolverMonitor monitor) {
        var train = data.train();
        var ntk = NtkMarginSolver.solve(
                train,
                NtkMarginSolver.Options.defaults()
                        .withDirections(c.ntkDirections())
                        .withTolerance(c.ntkTolerance())
                        .withSeed(c.run().dataSeed()),
                monitor);
        var options = c.globalOptions();
        var global = GlobalMarginSolver.solve(train, options, seeds, monitor);
        var initial = Trainer.initialNetwork(c.run(), train.d());
        var noRotation = GlobalMarginSolver.noRotationLimit(train, initial, options, monitor);
        var kernel = KernelCeiling.compute(c.run(), train, initial, monitor);
        return new ReferenceMargins(ntk, global, noRotation, kernel);
    }
}
