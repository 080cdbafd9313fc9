package lowrot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import lowrot.core.data.DataSplit;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.train.Metrics;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import lowrot.io.LabConfig;
import lowrot.io.RunJournal;
import lowrot.run.Divergence;
import lowrot.run.Recorder;
import me.tongfei.progressbar.ProgressBar;

/**
 * A training run of the command line: the trainer, the {@link Recorder} (the window's rule for what is kept) and
 * the run's {@link RunJournal}, to which every record goes as it is taken. Starts fresh or resumes from a journal
 * with the same bits as a run that never stopped: the trainer's state is restored from the last record that has
 * it, and the records up to there are replayed into a new recorder, which then holds what the first one held.
 */
final class HeadlessRun {
    private static final long RUN_ID = 1;

    private final LabConfig config;
    private final DataSplit data;
    private final RunJournal.Plan plan;
    private final Trainer trainer;
    private final Recorder recorder;
    private final RunJournal journal;
    private final double initialRisk;
    private final GlobalMarginResult optimal;

    /** What a run produced: metric rows, kept snapshots, and why it ended early (null if it did not). */
    record Result(DataSplit data, List<Metrics> rows, List<Snapshot> kept, String divergence, boolean stopped) {}

    private HeadlessRun(
            LabConfig config,
            DataSplit data,
            RunJournal.Plan plan,
            Trainer trainer,
            Recorder recorder,
            RunJournal journal,
            double initialRisk,
            GlobalMarginResult optimal) {
        this.config = config;
        this.data = data;
        this.plan = plan;
        this.trainer = trainer;
        this.recorder = recorder;
        this.journal = journal;
        this.initialRisk = initialRisk;
        this.optimal = optimal;
    }

    /**
     * A new run at step 0 (journal null: none is written), its first record taken; {@code optimal} (or null) is the
     * max-margin network its alignment metric is measured against.
     */
    static HeadlessRun start(
            LabConfig c, DataSplit data, RunJournal.Plan plan, Path journalFile, GlobalMarginResult optimal)
            throws IOException {
        Trainer trainer = new Trainer(c.run(), data, optimal == null ? null : optimal.atoms());
        Recorder recorder = new Recorder(plan.every());
        RunJournal journal = journalFile == null ? null : RunJournal.create(journalFile, c, data, plan);
        try {
            Snapshot first = trainer.snapshot(RUN_ID);
            boolean kept = recorder.record(first);
            if (journal != null) {
                journal.record(first, kept ? trainer.state() : null);
            }
            return new HeadlessRun(
                    c, data, plan, trainer, recorder, journal, first.metrics().risk(), optimal);
        } catch (IOException | RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            throw e;
        }
    }

    /**
     * Continues the run of a journal from its last record with a state (the records after it are cut off and
     * taken again); {@code plan} may differ from the journal's in its target only; {@code optimal} as for a start (the
     * same ones, or the metrics after the resumption differ from the run's before it).
     */
    static HeadlessRun resume(
            Path journalFile, RunJournal.Loaded loaded, RunJournal.Plan plan, GlobalMarginResult optimal)
            throws IOException {
        LabConfig c = loaded.config();
        int at = loaded.lastResumable();
        if (at < 0) {
            // Not even step 0 was written completely: start over, which is what resuming from step 0 is.
            return start(c, loaded.data(), plan, journalFile, optimal);
        }
        Trainer trainer = new Trainer(c.run(), loaded.data(), optimal == null ? null : optimal.atoms());
        trainer.restore(loaded.entries().get(at).state());
        Recorder recorder = new Recorder(plan.every());
        RunJournal.Entry first = loaded.entries().get(0);
        if (first.a() == null) {
            throw new IOException(journalFile + ": the journal's first record has no weights");
        }
        var rc = c.run();
        int d = loaded.data().train().d();
        double scale = rc.network().outputScale().value(rc.network().width());
        for (int i = 0; i <= at; i++) {
            RunJournal.Entry e = loaded.entries().get(i);
            Snapshot s = i == at
                    ? trainer.snapshot(RUN_ID)
                    : e.a() == null
                            ? null
                            // Free weights even in the no-rotation regime: rebuilding b_j u_j from v_j would
                            // round v, and run.json must hold the recorded bits (the metrics are the recorded
                            // ones either way).
                            : Snapshot.fromWeights(
                                    RUN_ID, e.metrics(), e.a(), e.v(), first.a(), first.v(), d, scale, false);
            recorder.replay(i == at ? s.metrics() : e.metrics(), s);
        }
        RunJournal journal = RunJournal.resume(journalFile, loaded, at);
        return new HeadlessRun(
                c,
                loaded.data(),
                plan,
                trainer,
                recorder,
                journal,
                first.metrics().risk(),
                optimal);
    }

    long stepCount() {
        return trainer.stepCount();
    }

    double time() {
        return trainer.time();
    }

    /**
     * Trains until the plan's target, a divergence, or {@code stop} (checked after every step), journaling each
     * record; then closes the journal.
     */
    Result train(PrintWriter progress, BooleanSupplier stop) throws IOException {
        String divergence = null;
        boolean stopped = false;
        Double untilTime = plan.untilTime();
        long cap = untilTime != null ? Long.MAX_VALUE : plan.steps();
        ProgressBar bar = Progress.bar("training", untilTime != null ? 1000 : plan.steps(), progress != null);
        try {
            while (trainer.stepCount() < cap && (untilTime == null || trainer.time() < untilTime)) {
                if (stop.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                double risk = trainer.step();
                String reason = Divergence.check(risk, initialRisk);
                if (reason != null) {
                    divergence = diverged(trainer.stepCount(), reason);
                    break;
                }
                long s = trainer.stepCount();
                if (recorder.due(s)) {
                    Snapshot snap = trainer.snapshot(RUN_ID);
                    String bad = Divergence.check(snap.metrics(), initialRisk);
                    if (bad != null) {
                        divergence = diverged(s, bad);
                        break;
                    }
                    boolean kept = recorder.record(snap);
                    if (journal != null) {
                        journal.record(snap, kept ? trainer.state() : null);
                    }
                    if (bar != null) {
                        bar.stepTo(
                                untilTime != null
                                        ? (long)
                                                (1000 * Math.min(1, Math.log1p(trainer.time()) / Math.log1p(untilTime)))
                                        : s);
                    }
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
            if (journal != null) {
                journal.close();
            }
        }
        Recorder.Recording rec =
                divergence == null ? recorder.recording(trainer, RUN_ID) : recorder.recordingUpToLastGood();
        return new Result(data, rec.rows(), rec.snapshots(), divergence, stopped);
    }

    private String diverged(long step, String reason) {
        return "diverged at step " + step + " (η = " + trainer.stepSize() + "): " + reason + "; lower the step size";
    }

    LabConfig config() {
        return config;
    }

    /** The max-margin network the alignment metric is measured against, or null. */
    GlobalMarginResult optimal() {
        return optimal;
    }
}
