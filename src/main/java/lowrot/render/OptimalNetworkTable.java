package lowrot.render;

import java.util.Locale;
import lowrot.core.margin.GlobalMarginResult;

/**
 * The optimal network of the global-margin program as a table a user can copy (tab-separated): one row per atom k
 * with its signed weight w_k and its unit direction u_k, heaviest first, under a line with γ_gl's bounds and status.
 * The window shows it (View → Optimal network) and {@code lowrot margins} prints it.
 */
public final class OptimalNetworkTable {
    private OptimalNetworkTable() {}

    /** The table; atoms of weight at most 1e−6 (the LP's round-off) are counted but not listed. */
    public static String of(GlobalMarginResult g) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "γ_gl ∈ [%.8g, %s] (%s)%nthe optimal network (path norm Σ|w_k| = 1) attains the lower bound:%n",
                g.lower(),
                g.upperCertified() ? String.format(Locale.ROOT, "%.8g", g.upper()) : "—",
                g.upperStatus()));
        Integer[] order = new Integer[g.neurons()];
        int listed = 0;
        for (int k = 0; k < g.neurons(); k++) {
            if (Math.abs(g.weight(k)) > 1e-6) {
                order[listed++] = k;
            }
        }
        java.util.Arrays.sort(order, 0, listed, (p, q) -> Double.compare(Math.abs(g.weight(q)), Math.abs(g.weight(p))));
        // Headers as wide as the numbers below them, so that the tab stops line up on screen too.
        b.append("atom\t").append(String.format(Locale.ROOT, "%-11s", "weight w_k"));
        for (int c = 0; c < g.dim(); c++) {
            b.append('\t').append(String.format(Locale.ROOT, "%-11s", "u_" + (c + 1)));
        }
        b.append(System.lineSeparator());
        for (int t = 0; t < listed; t++) {
            int k = order[t];
            b.append(t + 1).append('\t').append(String.format(Locale.ROOT, "%+.8f", g.weight(k)));
            for (int c = 0; c < g.dim(); c++) {
                b.append('\t').append(String.format(Locale.ROOT, "%+.8f", g.direction(k, c)));
            }
            b.append(System.lineSeparator());
        }
        if (listed < g.neurons()) {
            b.append(String.format(
                    Locale.ROOT, "(%d more atoms of weight at most 1e-6 not listed)%n", g.neurons() - listed));
        }
        if (g.neurons() == 0) {
            b.append("(the zero network: no atom)").append(System.lineSeparator());
        }
        return b.toString();
    }
}
