package lowrot.core.claims;

import java.util.List;
import lowrot.core.model.RunConfig;

/**
 * One of the paper's claims, checked by a short experiment: what it says, the criterion fixed before the runs,
 * the measured evidence, and the verdict computed from the runs.
 *
 * @param title     short name
 * @param statement the claim in words
 * @param criterion what the runs must show for the verdict "holds"
 * @param evidence  measured figures, one sentence each
 * @param holds     the verdict
 * @param runs      the configuration of every training run (experiments of many cells list one per setting)
 */
public record Claim(
        String title, String statement, String criterion, List<String> evidence, boolean holds, List<RunConfig> runs) {
    /** "holds" or "does not hold". */
    public String verdict() {
        return holds ? "holds" : "does not hold";
    }
}
