package lowrot.cli;

import lowrot.core.DataSplit;
import lowrot.core.GlobalMarginSolver;
import lowrot.core.KernelCeiling;
import lowrot.core.NtkMarginSolver;
import lowrot.core.SolverMonitor;
import lowrot.core.Trainer;
import lowrot.io.LabConfig;
import lowrot.core.ReferenceMargins;

/** Computes the three reference margins of a config the way the window does. */
final class References {
    private References() {
    }

    static ReferenceMargins compute(LabConfig c, DataSplit data, SolverMonitor monitor) {
        return compute(c, data, new double[0], monitor);
    }

    /** The same, with a trained network's neurons (row-major m × d) as extra seeds of the γ_gl search. */
    static ReferenceMargins compute(LabConfig c, DataSplit data, double[] seeds, SolverMonitor monitor) {
        var train = data.train();
        var ntk = NtkMarginSolver.solve(train, NtkMarginSolver.Options.defaults().withDirections(c.ntkDirections())
                .withTolerance(c.ntkTolerance()).withSeed(c.run().dataSeed()), monitor);
        var options = c.globalOptions();
        var global = GlobalMarginSolver.solve(train, options, seeds, monitor);
        var initial = Trainer.initialNetwork(c.run(), train.d());
        var noRotation = GlobalMarginSolver.noRotationLimit(train, initial, options, monitor);
        var kernel = KernelCeiling.compute(c.run(), train, initial, monitor);
        return new ReferenceMargins(ntk, global, noRotation, kernel);
    }
}
