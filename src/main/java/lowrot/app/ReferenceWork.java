package lowrot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import lowrot.core.data.Dataset;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.margin.NtkMarginResult;
import lowrot.core.margin.NtkMarginSolver;
import lowrot.core.margin.ReferenceMargins;
import lowrot.core.margin.TangentPoint;
import lowrot.core.model.MaxMarginAtoms;
import lowrot.core.train.Snapshot;
import lowrot.core.util.ProgressMonitor;
import lowrot.io.LabConfig;
import lowrot.io.ReferenceSolves;
import lowrot.render.RegionGrid;

/**
 * The session's computations for the pictures, each on a solver thread through {@link BackgroundJobs}:
 * the reference margins of the data and the initial network, the tangent-kernel margin of recent
 * snapshots and the region grid of the latest one. Results that arrive for a replaced run are dropped.
 * Runs on the session's thread.
 */
final class ReferenceWork {
    private static final long TANGENT_INTERVAL_NANOS = 1_500_000_000L;

    private final LabSession session;
    private final BackgroundJobs jobs;
    private final List<TangentPoint> tangent = new ArrayList<>();
    private ReferenceMargins refs = ReferenceMargins.NONE;
    private RegionGrid regions;
    private long lastTangent;
    private long tangentCost;
    private BackgroundJobs.Job ntkJob;
    private BackgroundJobs.Job globalJob;
    private BackgroundJobs.Job noRotationJob;
    private BackgroundJobs.Job kernelJob;
    private BackgroundJobs.Job tangentJob;
    /** The alignment metric's target for the session's data, or null until a run asks for it. */
    private CompletableFuture<MaxMarginAtoms> atoms;

    private BackgroundJobs.Job regionJob;
    private final ReferenceTiming timing = new ReferenceTiming();

    ReferenceWork(LabSession session, BackgroundJobs jobs) {
        this.session = session;
        this.jobs = jobs;
    }

    /** Forgets what depends on the data or the reference settings (all of it) and cancels its solves. */
    void forgetAll() {
        cancel(ntkJob);
        cancel(globalJob);
        forgetInitialization();
        refs = ReferenceMargins.NONE;
        if (atoms != null) {
            atoms.cancel(false);
            atoms = null;
        }
    }

    /**
     * The max-margin atoms a run of {@code c} on the session's data measures its alignment against: the final γ_gl
     * solve's (the one {@link #compute} starts, the command line's too), null for data without the metric. The
     * future is done at once when that solve has finished; a failed solve gives null.
     */
    CompletableFuture<MaxMarginAtoms> alignmentTarget(LabConfig c) {
        if (atoms == null) {
            atoms = !ReferenceSolves.measuresOptimalAlignment(c)
                    ? CompletableFuture.completedFuture(null)
                    : refs.global() != null && !refs.global().interim()
                            ? CompletableFuture.completedFuture(refs.global().atoms())
                            : new CompletableFuture<>();
        }
        return atoms;
    }

    /** Forgets what depends on the initial network (no-rotation limit, kernel ceiling). */
    void forgetInitialization() {
        cancel(noRotationJob);
        cancel(kernelJob);
        refs = refs.withNoRotation(null).withKernel(null);
    }

    /** A new run: its tangent points and regions start empty; solves of the old run stop. */
    void newRun(long now) {
        cancel(tangentJob);
        cancel(regionJob);
        tangent.clear();
        regions = null;
        lastTangent = now;
    }

    /** Stops the solves that belong to the run (tangent margins, regions). */
    void stopRun() {
        cancel(tangentJob);
        cancel(regionJob);
    }

    private static void cancel(BackgroundJobs.Job job) {
        if (job != null) {
            job.cancel();
        }
    }

    /** Starts every reference margin not yet known (or being computed) for the session's data and config. */
    void compute(LabConfig c, Dataset train) {
        if (train.n() == 0) {
            return;
        }
        // γ_ntk and γ_gl are drawn as soon as their first certified interval is known, and tighten in place.
        if ((refs.ntk() == null || refs.ntk().interim()) && idle(ntkJob)) {
            ntkJob = this.<NtkMarginResult>tightening(
                    "γ_ntk",
                    (mon, interim) -> ReferenceSolves.ntk(c, train, mon, interim),
                    r -> true,
                    r -> refs.withNtk(r));
        }
        if ((refs.global() == null || refs.global().interim()) && idle(globalJob)) {
            CompletableFuture<MaxMarginAtoms> target = alignmentTarget(c);
            // Without seeds: the solve is then the alignment metric's target too (ReferenceSolves.alignmentTarget).
            globalJob = this.<GlobalMarginResult>tightening(
                    "γ_gl",
                    (mon, interim) -> ReferenceSolves.global(c, train, new double[0], mon, interim),
                    GlobalMarginResult::upperCertified,
                    r -> {
                        if (!r.interim()) {
                            target.complete(r.atoms());
                        }
                        return refs.withGlobal(r);
                    },
                    message -> target.complete(null),
                    // A neural-collapse run waits for this solve before its first step.
                    ReferenceSolves.measuresOptimalAlignment(c));
        }
        if (refs.noRotation() == null && idle(noRotationJob)) {
            noRotationJob = jobs.submit(
                    mon -> ReferenceSolves.noRotation(c, train, mon),
                    r -> arrived(refs.withNoRotation(r)),
                    this::failed);
        }
        if (refs.kernel() == null && idle(kernelJob)) {
            kernelJob = jobs.submit(
                    mon -> ReferenceSolves.kernel(c, train, mon), r -> arrived(refs.withKernel(r)), this::failed);
        }
    }

    /**
     * A solve whose values on the way are drawn (and timed: the first one that {@code certified} accepts) before its
     * final value; {@code with} puts a value into the references in force when it arrives (a lambda that reads
     * {@code refs} then, not a method reference bound to the references of now).
     */
    private <R> BackgroundJobs.Job tightening(
            String name,
            BiFunction<ProgressMonitor, Consumer<R>, R> solve,
            Predicate<R> certified,
            Function<R, ReferenceMargins> with) {
        return tightening(name, solve, certified, with, message -> {});
    }

    /** The same, telling {@code onFailure} too when the solve fails. */
    private <R> BackgroundJobs.Job tightening(
            String name,
            BiFunction<ProgressMonitor, Consumer<R>, R> solve,
            Predicate<R> certified,
            Function<R, ReferenceMargins> with,
            Consumer<String> onFailure) {
        return tightening(name, solve, certified, with, onFailure, false);
    }

    /** The same, on the urgent thread when a run waits for the result ({@link BackgroundJobs#submitUrgent}). */
    private <R> BackgroundJobs.Job tightening(
            String name,
            BiFunction<ProgressMonitor, Consumer<R>, R> solve,
            Predicate<R> certified,
            Function<R, ReferenceMargins> with,
            Consumer<String> onFailure,
            boolean urgent) {
        timing.started(name);
        return urgent
                ? jobs.<R>submitUrgent(solve, interimOf(name, certified, with), finalOf(name, with), failure(onFailure))
                : jobs.<R>submit(solve, interimOf(name, certified, with), finalOf(name, with), failure(onFailure));
    }

    private <R> Consumer<R> interimOf(String name, Predicate<R> certified, Function<R, ReferenceMargins> with) {
        return r -> {
            if (certified.test(r)) {
                timing.first(name);
            }
            arrived(with.apply(r));
        };
    }

    private <R> Consumer<R> finalOf(String name, Function<R, ReferenceMargins> with) {
        return r -> {
            timing.last(name);
            arrived(with.apply(r));
        };
    }

    private Consumer<String> failure(Consumer<String> onFailure) {
        return message -> {
            failed(message);
            onFailure.accept(message);
        };
    }

    private static boolean idle(BackgroundJobs.Job job) {
        return job == null || job.done() || job.cancelled();
    }

    private void arrived(ReferenceMargins value) {
        refs = value;
        session.referencesChanged();
    }

    private void failed(String message) {
        session.note("reference margin failed: " + message);
    }

    ReferenceMargins refs() {
        return refs;
    }

    /** When γ_ntk and γ_gl were first drawn and when they were final (for {@code --measure}). */
    ReferenceTiming timing() {
        return timing;
    }

    /** True while a reference margin is still being computed (or still tightening). */
    boolean busy() {
        return refs.ntk() == null
                || refs.ntk().interim()
                || refs.global() == null
                || refs.global().interim()
                || refs.noRotation() == null
                || refs.kernel() == null;
    }

    /**
     * Computes the tangent-kernel margin of the latest snapshot when the last one is old enough: every
     * 1.5 s at most, and never more often than four times its own cost (it competes with training).
     */
    void maybeTangent(long now, Snapshot latest, boolean playing, Dataset train, double tolerance) {
        long gap = Math.max(TANGENT_INTERVAL_NANOS, 4 * tangentCost);
        if (latest == null || now - lastTangent < gap || (tangentJob != null && !tangentJob.done())) {
            return;
        }
        if (!playing && !tangent.isEmpty() && tangent.get(tangent.size() - 1).step() == latest.step()) {
            return;
        }
        long runId = latest.runId();
        long started = System.nanoTime();
        tangentJob = jobs.submit(
                mon -> NtkMarginSolver.tangentKernel(
                        train,
                        latest.network(),
                        NtkMarginSolver.Options.defaults()
                                .withTolerance(tolerance)
                                .withMaxIterations(400),
                        mon),
                r -> {
                    tangentCost = System.nanoTime() - started;
                    lastTangent = System.nanoTime();
                    if (session.current(runId)) {
                        tangent.add(new TangentPoint(latest.step(), latest.time(), r.lower(), r.upper()));
                        session.chartsChanged();
                    }
                },
                msg -> session.note("tangent-kernel margin failed: " + msg));
    }

    /** Tangent-kernel margins computed so far for this run (a live list: copy it to keep it). */
    List<TangentPoint> tangent() {
        return tangent;
    }

    /**
     * Samples f on a grid for the region shading of {@code latest}, unless one is being computed;
     * {@code fixed} are the coordinates beyond the view plane (null: no shading possible).
     */
    void requestRegions(Snapshot latest, double[] fixed) {
        if (latest == null || fixed == null || (regionJob != null && !regionJob.done())) {
            return;
        }
        long runId = latest.runId();
        regionJob = jobs.submit(
                mon -> RegionGrid.compute(latest.network(), 96, fixed),
                grid -> {
                    if (session.showable(runId)) {
                        regions = grid;
                        session.frameChanged();
                    }
                },
                msg -> {});
    }

    RegionGrid regions() {
        return regions;
    }
}
