package lowrot.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import lowrot.core.data.DataSplit;
import lowrot.core.data.Datasets;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal reads back what was written, exactly, and stops at a torn or damaged line with a warning. */
class RunJournalTest {
    private static final LabConfig CONFIG = LabConfig.defaults();

    /** Writes step 0 with its state, then steps 1 … 4 with metrics only and step 5 with its state. */
    private static Path write(Path dir, Trainer t) throws Exception {
        DataSplit data = t.data();
        Path file = dir.resolve(RunJournal.FILE_NAME);
        try (RunJournal j = RunJournal.create(file, CONFIG, data, new RunJournal.Plan(100, null, 1))) {
            j.record(t.snapshot(1), t.state());
            for (int s = 1; s <= 5; s++) {
                t.step();
                j.record(t.snapshot(1), s == 5 ? t.state() : null);
            }
        }
        return file;
    }

    private static Trainer trainer() {
        DataSplit data = Datasets.generate(CONFIG.run().dataset(), CONFIG.run().dataSeed());
        return new Trainer(CONFIG.run(), data);
    }

    @Test
    void readsBackEveryRecordAndTheStateExactly(@TempDir Path dir) throws Exception {
        Trainer t = trainer();
        Path file = write(dir, t);
        RunJournal.Loaded j = RunJournal.read(file);
        assertEquals("", j.warning());
        assertEquals(6, j.entries().size());
        assertEquals(5, j.lastResumable());
        assertNull(j.entries().get(3).a(), "a record not kept carries no weights");
        Trainer.State s = j.entries().get(5).state();
        Trainer.State now = t.state();
        assertEquals(now.steps(), s.steps());
        assertEquals(Double.doubleToRawLongBits(now.time()), Double.doubleToRawLongBits(s.time()));
        assertEquals(Double.doubleToRawLongBits(now.lastRisk()), Double.doubleToRawLongBits(s.lastRisk()));
        assertArrayEquals(now.sampler(), s.sampler());
        assertArrayEquals(now.permutation(), s.permutation());
        assertArrayEquals(now.a(), s.a(), 0.0);
        assertArrayEquals(now.inner(), s.inner(), 0.0);
        Snapshot snap = t.snapshot(1);
        assertEquals(snap.metrics(), j.entries().get(5).metrics());
        assertEquals(CONFIG.run(), j.config().run());
        assertArrayEquals(t.data().train().copyX(), j.data().train().copyX(), 0.0);
        assertTrue(RunJournal.isJournal(file) && RunFile.isRunFile(file));
        assertEquals(2, RunFile.read(file).records().size(), "opened as a run: the records with weights");
    }

    @Test
    void aTornLastLineOrADamagedRecordEndsTheReading(@TempDir Path dir) throws Exception {
        Path file = write(dir, trainer());
        byte[] bytes = Files.readAllBytes(file);
        // Torn: the last line lost its end, as after kill -9 in the middle of a write.
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        RunJournal.Loaded torn = RunJournal.read(file);
        assertEquals(5, torn.entries().size());
        assertEquals(0, torn.lastResumable());
        assertTrue(torn.warning().contains("ends in the middle of record 6"), torn.warning());
        // Damaged: one changed digit in record 3 fails its CRC; the reading keeps records 1 and 2.
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        int line3 = text.indexOf('\n', text.indexOf('\n', text.indexOf('\n') + 1) + 1) + 1;
        int digit = text.indexOf("\"risk\":", line3) + 8;
        char c = text.charAt(digit);
        String damaged = text.substring(0, digit) + (c == '1' ? '2' : '1') + text.substring(digit + 1);
        Files.writeString(file, damaged);
        RunJournal.Loaded bad = RunJournal.read(file);
        assertEquals(2, bad.entries().size());
        assertTrue(bad.warning().contains("record 3 is damaged"), bad.warning());
        Files.writeString(file, "hello\n");
        assertThrows(ConfigException.class, () -> RunJournal.read(file));
    }
}
