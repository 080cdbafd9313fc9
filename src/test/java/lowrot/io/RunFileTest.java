package lowrot.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTest {

    private static Path writeRun(Path dir, LabConfig c, List<Snapshot> snaps, Trainer t) throws Exception {
        Path file = dir.resolve("run.json");
        RunFile.write(file, c, t.data(), snaps);
        return file;
    }

    private static List<Snapshot> train(Trainer t) {
        List<Snapshot> snaps = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            snaps.add(t.snapshot(1));
            t.steps(10);
        }
        return snaps;
    }

    @Test
    void roundTripsRecordsExactly(@TempDir Path dir) throws Exception {
        LabConfig c = LabConfig.defaults();
        Trainer t = new Trainer(c.run());
        List<Snapshot> snaps = train(t);
        RunFile.Loaded loaded = RunFile.read(writeRun(dir, c, snaps, t));
        assertEquals("", loaded.warning());
        assertEquals(c, loaded.config());
        assertEquals(t.data().train(), loaded.data().train());
        assertEquals(5, loaded.records().size());
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(snaps.get(k).copyV(), loaded.records().get(k).v(), 0);
            assertEquals(
                    snaps.get(k).metrics().marginPath(),
                    loaded.records().get(k).metrics().marginPath(),
                    0);
            assertEquals(snaps.get(k).step(), loaded.records().get(k).metrics().step());
        }
    }

    @Test
    void aTruncatedFileOpensUpToItsLastGoodRecord(@TempDir Path dir) throws Exception {
        LabConfig c = LabConfig.defaults();
        Trainer t = new Trainer(c.run());
        Path file = writeRun(dir, c, train(t), t);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int cut = text.indexOf("\"crc32\"", text.indexOf("\"records\""));
        cut = text.indexOf("\"crc32\"", cut + 1); // inside the second record... keep the first two
        cut = text.indexOf("\"crc32\"", cut + 1);
        Files.write(file, text.substring(0, cut - 40).getBytes(StandardCharsets.UTF_8));
        RunFile.Loaded loaded = RunFile.read(file);
        assertEquals(2, loaded.records().size());
        assertTrue(
                loaded.warning().contains("after record 2") && loaded.warning().contains("step 10"), loaded.warning());
    }

    @Test
    void aDamagedRecordIsCaughtByItsChecksum(@TempDir Path dir) throws Exception {
        LabConfig c = LabConfig.defaults();
        Trainer t = new Trainer(c.run());
        Path file = writeRun(dir, c, train(t), t);
        String text = Files.readString(file);
        int third = text.indexOf("{\"metrics\"", text.indexOf("{\"metrics\"", text.indexOf("{\"metrics\"") + 1) + 1);
        int at = text.indexOf("\"step\":", third) + 7;
        Files.writeString(file, text.substring(0, at) + "9" + text.substring(at));
        RunFile.Loaded loaded = RunFile.read(file);
        assertEquals(2, loaded.records().size());
        assertTrue(loaded.warning().contains("record 3 is damaged"), loaded.warning());
    }

    @Test
    void notARunFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"format\": \"something\"}");
        assertTrue(assertThrows(ConfigException.class, () -> RunFile.read(file))
                .getMessage()
                .contains("not a lowrot run"));
        Files.write(file, new byte[] {0, 1, 2, 3});
        assertThrows(ConfigException.class, () -> RunFile.read(file));
    }
}
