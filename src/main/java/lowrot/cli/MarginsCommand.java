package lowrot.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import lowrot.core.data.Datasets;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.util.ProgressMonitor;
import lowrot.io.LabConfig;
import lowrot.io.ReferenceSolves;
import lowrot.render.OptimalNetworkTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code margins}: the reference margins of a config, with bounds. */
@Command(
        name = "margins",
        mixinStandardHelpOptions = true,
        description =
                "Compute γ_ntk, γ_gl, the no-rotation limit and the tangent kernel's ℓ₂ ceilings of a configuration, with lower and upper bounds.")
final class MarginsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(
            names = "--json",
            description =
                    "Print one JSON object with keys ntk, global (with the optimal network and the certificate of its"
                            + " upper bound), no_rotation, kernel_ceiling, kernel_ceiling_limit.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LabConfig c = config.load(spec.commandLine().getErr());
        if (c == null) {
            return Cli.INVALID;
        }
        var data = Datasets.generate(c.run().dataset(), c.run().dataSeed());
        ReferenceMargins r = ReferenceSolves.all(c, data.train(), new double[0], ProgressMonitor.NONE);
        if (json) {
            JsonObject o = new JsonObject();
            JsonObject ntk = bounds(r.ntk().lower(), r.ntk().upper());
            ntk.addProperty("directions", r.ntk().directions());
            ntk.addProperty("standard_error", r.ntk().standardError());
            ntk.addProperty("converged", r.ntk().converged());
            o.add("ntk", ntk);
            JsonObject global = bounds(
                    r.global().lower(), r.global().upperCertified() ? r.global().upper() : null);
            global.addProperty("upper_certified", r.global().upperCertified());
            global.addProperty("status", r.global().upperStatus());
            global.addProperty("rounds", r.global().rounds());
            global.addProperty("converged", r.global().converged());
            global.add("network", network(r.global()));
            global.add("certificate", certificate(r.global()));
            o.add("global", global);
            JsonObject noRot = bounds(r.noRotation().lower(), r.noRotation().upper());
            noRot.addProperty("width", c.run().network().width());
            o.add("no_rotation", noRot);
            JsonObject ceiling = bounds(
                    r.kernel().empirical().lower(), r.kernel().empirical().upper());
            ceiling.addProperty("width", c.run().network().width());
            o.add("kernel_ceiling", ceiling);
            o.add(
                    "kernel_ceiling_limit",
                    bounds(r.kernel().limit().lower(), r.kernel().limit().upper()));
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(o));
        } else {
            out.printf("%-30s %14s %14s%n", "", "lower", "upper");
            out.printf(
                    "%-30s %14.8g %14.8g  (M = %d, s.e. %.3g)%n",
                    "NTK margin γ_ntk",
                    r.ntk().lower(),
                    r.ntk().upper(),
                    r.ntk().directions(),
                    r.ntk().standardError());
            out.printf(
                    "%-30s %14.8g %14s  (%s)%n",
                    "global margin γ_gl",
                    r.global().lower(),
                    r.global().upperCertified()
                            ? String.format("%14.8g", r.global().upper())
                            : "—",
                    r.global().upperStatus());
            out.printf(
                    "%-30s %14.8g %14.8g  (m = %d)%n",
                    "no-rotation limit",
                    r.noRotation().lower(),
                    r.noRotation().upper(),
                    c.run().network().width());
            out.println("kernel units (parameter ℓ₂, with the output scale):");
            out.printf(
                    "%-30s %14.8g %14.8g  (m = %d)%n",
                    "ℓ₂ ceiling at W₀",
                    r.kernel().empirical().lower(),
                    r.kernel().empirical().upper(),
                    c.run().network().width());
            out.printf(
                    "%-30s %14.8g %14.8g%n",
                    "ℓ₂ ceiling, m → ∞",
                    r.kernel().limit().lower(),
                    r.kernel().limit().upper());
            out.println();
            out.print(OptimalNetworkTable.of(r.global()));
            out.flush();
        }
        return Cli.OK;
    }

    private static JsonObject bounds(double lower, Double upper) {
        JsonObject o = new JsonObject();
        o.addProperty("lower", lower);
        o.addProperty("upper", upper);
        return o;
    }

    /** The optimal network: atoms u_k (unit directions) and signed weights w_k with Σ|w_k| = 1. */
    private static JsonArray network(GlobalMarginResult g) {
        JsonArray atoms = new JsonArray();
        for (int k = 0; k < g.neurons(); k++) {
            JsonObject atom = new JsonObject();
            JsonArray u = new JsonArray();
            for (int c = 0; c < g.dim(); c++) {
                u.add(g.direction(k, c));
            }
            atom.add("direction", u);
            atom.addProperty("weight", g.weight(k));
            atoms.add(atom);
        }
        return atoms;
    }

    /**
     * The dual certificate: weights q on the listed points and the proven maximum of |Σ_i q_i y_i σ(u · x_i)| over
     * unit u, the upper bound; null when none was proven.
     */
    private static JsonElement certificate(GlobalMarginResult g) {
        GlobalMarginResult.Certificate c = g.certificate();
        if (c == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject o = new JsonObject();
        o.addProperty("pricing_max", c.pricingMax());
        JsonArray support = new JsonArray();
        int d = g.dim();
        for (int t = 0; t < c.q().length; t++) {
            JsonObject point = new JsonObject();
            JsonArray x = new JsonArray();
            for (int k = 0; k < d; k++) {
                x.add(c.points()[t * d + k]);
            }
            point.add("x", x);
            point.addProperty("y", c.labels()[t]);
            point.addProperty("q", c.q()[t]);
            support.add(point);
        }
        o.add("support", support);
        return o;
    }
}
