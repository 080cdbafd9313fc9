package lowrot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lowrot.Version;
import lowrot.core.claims.Claim;
import lowrot.core.claims.Claims;
import lowrot.io.AtomicFiles;
import lowrot.report.ClaimsReport;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code claims}: runs short versions of the paper's claims and writes one self-contained HTML report. */
@Command(
        name = "claims",
        mixinStandardHelpOptions = true,
        description = "Run short versions of the paper's claims (near initialization, neural collapse, no rotation,"
                + " 2-sparse parity; about a minute on 2 cores), print each with its measured evidence and verdict, and"
                + " write claims.html: the figures, the configuration of every run and the commands to reproduce it.")
final class ClaimsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default ./lowrot-claims).")
    Path out = Path.of("lowrot-claims");

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Claims.Result result;
        try (ProgressBar bar = Progress.bar("claims", 1000, !noProgress)) {
            result = Claims.run(Progress.monitor(bar, 1000));
        }
        for (String line : ClaimsReport.summary(result)) {
            stdout.println(line);
        }
        long holding = result.claims().stream().filter(Claim::holds).count();
        stdout.println(holding + " of " + result.claims().size() + " claims hold in these runs.");
        Files.createDirectories(out);
        Path file = out.resolve("claims.html");
        AtomicFiles.writeText(file, ClaimsReport.html(result, Version.NAME));
        stdout.println("wrote " + file.toAbsolutePath());
        return Cli.OK;
    }
}
