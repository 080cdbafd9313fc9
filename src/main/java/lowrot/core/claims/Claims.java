package lowrot.core.claims;

import java.util.List;
import lowrot.core.util.ProgressMonitor;

/**
 * Runs the short versions of the paper's claims in a fixed order (about a minute on 2 cores). Every verdict is
 * computed from the runs against the criterion each claim states.
 */
public final class Claims {
    /** Everything the claims measured, for the report's figures, and the claims in report order. */
    public record Result(
            NearInitializationClaim.Result nearInitialization,
            NeuralCollapseClaim.Result neuralCollapse,
            NoRotationClaim.Result noRotation,
            ParityClaim.Result parity) {
        public List<Claim> claims() {
            return List.of(
                    nearInitialization.claim(),
                    neuralCollapse.samples(),
                    neuralCollapse.alignment(),
                    noRotation.margin(),
                    noRotation.limit(),
                    parity.separation(),
                    parity.features());
        }
    }

    private Claims() {}

    public static Result run(ProgressMonitor monitor) {
        NearInitializationClaim.Result near = NearInitializationClaim.run(part(monitor, 0, 0.2));
        NeuralCollapseClaim.Result nc = NeuralCollapseClaim.run(part(monitor, 0.2, 0.1));
        NoRotationClaim.Result noRotation = NoRotationClaim.run(part(monitor, 0.3, 0.2));
        ParityClaim.Result parity = ParityClaim.run(part(monitor, 0.5, 0.5));
        monitor.progress(1, "claims done");
        return new Result(near, nc, noRotation, parity);
    }

    /** A monitor that maps a part's progress into [start, start + share] of the whole. */
    private static ProgressMonitor part(ProgressMonitor whole, double start, double share) {
        return new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
                whole.progress(start + share * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public boolean cancelled() {
                return whole.cancelled();
            }
        };
    }
}
