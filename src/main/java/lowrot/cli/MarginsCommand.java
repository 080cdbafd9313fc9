package lowrot.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import lowrot.core.data.Datasets;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.util.ProgressMonitor;
import lowrot.io.LabConfig;
import lowrot.io.ReferenceSolves;
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
                    "Print one JSON object with keys ntk, global, no_rotation, kernel_ceiling, kernel_ceiling_limit.")
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
        }
        return Cli.OK;
    }

    private static JsonObject bounds(double lower, Double upper) {
        JsonObject o = new JsonObject();
        o.addProperty("lower", lower);
        o.addProperty("upper", upper);
        return o;
    }
}
