package lowrot.cli;

import picocli.CommandLine.Option;

/** Options of the commands that train many runs at once: how many in parallel, and the progress bar. */
final class ParallelOptions {
    @Option(names = "--workers", description = "Runs trained at once (default: all cores).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;
}
