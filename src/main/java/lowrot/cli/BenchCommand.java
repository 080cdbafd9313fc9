package lowrot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.RunConfig;
import lowrot.core.model.TrainSpec;
import lowrot.core.step.Engine;
import lowrot.core.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: full-batch gradient descent (logistic loss, both layers, s = 1/√m, parity data)
 * for a few seconds; prints steps/s and GFLOP/s. A step is counted as its essential work, 4·n·m·d + 6·n·m
 * flops: the pre-activations v_j·x_i (2·n·m·d), the sums G_j = Σ c_i 1[h_ij &gt; 0] x_i (2·n·m·d) and about
 * 6·n·m for the activations, outputs and gradients, whatever a kernel computes twice (the plane kernels
 * compute h again in the backward pass).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Time full-batch training steps (parity data, logistic loss, both layers train).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", description = "Training points (default 256).")
    int n = 256;

    @Option(names = "--m", description = "Width (default 512).")
    int m = 512;

    @Option(names = "--d", description = "Dimension (default 2).")
    int d = 2;

    @Option(names = "--seconds", description = "Timed seconds after a 1 s warm-up (default 5).")
    double seconds = 5;

    @Option(names = "--threads", description = "Worker threads for the step kernels (default: all cores).")
    Integer threads;

    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            description = "Step engine: scalar, vector or all (each in turn on the same step; default: the"
                    + " one runs use). The engines give the same bits; only the speed differs.")
    String engine;

    @Option(
            names = "--peer",
            description = "Also time the same step written with numpy and, where installed, PyTorch (python3"
                    + " with numpy must be on the PATH) and print the ratio to the faster of them.")
    boolean peer;

    @Option(
            names = "--config",
            paramLabel = "CONFIG.json",
            description = "Time the training step of this configuration instead (its data, network and optimizer;"
                    + " --n, --m and --d are then taken from it).")
    java.nio.file.Path config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunConfig rc = new RunConfig(
                DataSpec.defaults(DatasetKind.PARITY).withD(d).withN(n).withNTest(0),
                NetworkSpec.defaults().withWidth(m),
                TrainSpec.defaults().withStepSize(0.1),
                1,
                1);
        if (config != null) {
            try {
                rc = lowrot.io.ConfigJson.validated(lowrot.io.ConfigJson.read(config))
                        .run();
            } catch (lowrot.io.ConfigException e) {
                e.problems().forEach(p -> spec.commandLine().getErr().println("invalid: " + p));
                return Cli.INVALID;
            }
        }
        var problems = rc.validate();
        if (!problems.isEmpty() || !(seconds > 0 && seconds <= 3600)) {
            problems.messages().forEach(p -> spec.commandLine().getErr().println("invalid: " + p));
            if (!(seconds > 0 && seconds <= 3600)) {
                spec.commandLine()
                        .getErr()
                        .println("invalid: --seconds = " + seconds + ": allowed more than 0 up to 3600");
            }
            return Cli.INVALID;
        }
        java.util.List<Engine> engines = new java.util.ArrayList<>();
        if (engine == null) {
            engines.add(Engine.current());
        } else if (engine.equals("all")) {
            for (Engine e : Engine.values()) {
                if (e.available()) {
                    engines.add(e);
                } else {
                    out.println("engine " + e.name().toLowerCase(java.util.Locale.ROOT) + ": not available — start Java"
                            + " with --add-modules jdk.incubator.vector");
                }
            }
        } else {
            try {
                Engine e = Engine.valueOf(engine.toUpperCase(java.util.Locale.ROOT));
                if (!e.available()) {
                    spec.commandLine()
                            .getErr()
                            .println("invalid: --engine " + engine + " is not available here: start"
                                    + " Java with --add-modules jdk.incubator.vector (before -jar)");
                    return Cli.INVALID;
                }
                engines.add(e);
            } catch (IllegalArgumentException ex) {
                spec.commandLine()
                        .getErr()
                        .println("invalid: --engine = \"" + engine + "\": allowed scalar, vector, all");
                return Cli.INVALID;
            }
        }
        Engine before = Engine.current();
        double best = 0;
        try {
            for (Engine e : engines) {
                Engine.use(e);
                best = Math.max(best, time(rc, out));
            }
        } finally {
            Engine.use(before);
        }
        if (peer) {
            return peer(out, best);
        }
        return Cli.OK;
    }

    /**
     * Runs the numpy and PyTorch steps (a resource of the jar, written to a temporary file) with every Python found
     * — {@code python3} on the PATH and the system's {@code /usr/bin/python3} when that is another one (a user's
     * own Python often has the faster numpy, the system's the PyTorch package) — and prints lowrot's ratio to the
     * fastest peer.
     */
    private int peer(PrintWriter out, double lowrot) {
        if (config != null) {
            spec.commandLine().getErr().println("invalid: --peer times parity data of --n, --m, --d, not a config");
            return Cli.INVALID;
        }
        java.util.List<String> pythons = new java.util.ArrayList<>(java.util.List.of("python3"));
        java.nio.file.Path system = java.nio.file.Path.of("/usr/bin/python3");
        if (java.nio.file.Files.isExecutable(system) && !system.equals(onPath("python3"))) {
            pythons.add(system.toString());
        }
        double best = 0;
        String problem = null;
        try {
            java.nio.file.Path script = java.nio.file.Files.createTempFile("lowrot-peer", ".py");
            try (var in = BenchCommand.class.getResourceAsStream("/lowrot/bench/peer_step.py")) {
                java.nio.file.Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            for (String python : pythons) {
                Process p = new ProcessBuilder(
                                python,
                                script.toString(),
                                Integer.toString(n),
                                Integer.toString(m),
                                Integer.toString(d),
                                Double.toString(seconds))
                        .redirectErrorStream(true)
                        .start();
                String text =
                        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
                int code = p.waitFor();
                java.util.regex.Matcher rate =
                        java.util.regex.Pattern.compile("([0-9.]+) steps/s").matcher(text);
                double found = 0;
                while (rate.find()) {
                    found = Math.max(found, Double.parseDouble(rate.group(1)));
                }
                if (code != 0 || found == 0) {
                    problem = python + ": the peer step did not run ("
                            + (text.isEmpty()
                                    ? "exit " + code
                                    : text.lines()
                                            .reduce((first, second) -> second)
                                            .orElse(""))
                            + "); it needs numpy";
                    continue;
                }
                out.println(text.lines()
                        .map(line -> python + ": " + line)
                        .reduce((a, b) -> a + System.lineSeparator() + b)
                        .orElse(""));
                best = Math.max(best, found);
            }
            java.nio.file.Files.deleteIfExists(script);
        } catch (java.io.IOException e) {
            problem = "python3 could not be started (" + e.getMessage() + "); it needs python3 with numpy";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Cli.FAILURE;
        }
        if (best == 0) {
            out.println("peer: " + problem);
            return Cli.FAILURE;
        }
        out.printf(
                java.util.Locale.ROOT,
                "lowrot / best peer: %.2f× (the faster lowrot engine above against the fastest numpy or PyTorch"
                        + " step)%n",
                lowrot / best);
        return Cli.OK;
    }

    /** The file a command name resolves to on the PATH (links followed), or null. */
    private static java.nio.file.Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            java.nio.file.Path p = java.nio.file.Path.of(dir, command);
            if (java.nio.file.Files.isExecutable(p)) {
                try {
                    return p.toRealPath();
                } catch (java.io.IOException e) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Times the step of a fresh trainer with the current engine, prints a line and returns steps/s. */
    private double time(RunConfig rc, PrintWriter out) {
        Trainer trainer = new Trainer(rc);
        n = trainer.data().train().n();
        m = trainer.network().width();
        d = trainer.network().dim();
        if (threads != null) {
            trainer.setThreads(threads);
        }
        // Warm-up: at least a second.
        long warmStart = System.nanoTime();
        while (System.nanoTime() - warmStart < 1_000_000_000L) {
            trainer.step();
        }
        long steps0 = trainer.stepCount();
        double elapsed = run(trainer, seconds);
        long steps = trainer.stepCount() - steps0;
        double rate = steps / elapsed;
        double flops = 4.0 * n * m * d + 6.0 * n * m;
        String kernels = d != 2 || Engine.current() == Engine.VECTOR
                ? ""
                : trainer.planeBranching() ? "; branching plane kernels" : "; branch-free plane kernels";
        String split = trainer.threads() > 1 && !trainer.splitsSteps() ? "; too small to split: one thread ran" : "";
        String engineName = (d == 2 ? "plane kernels, engine " : "engine ")
                + Engine.current().describe();
        out.printf(
                "n=%d m=%d d=%d threads=%d: %,.1f steps/s, %.2f GFLOP/s (%,d steps in %.2f s); %s%s%s%n",
                n, m, d, trainer.threads(), rate, rate * flops / 1e9, steps, elapsed, engineName, kernels, split);
        return rate;
    }

    private static double run(Trainer trainer, double seconds) {
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            trainer.step();
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
