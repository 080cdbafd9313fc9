package lowrot.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.Optimizer;
import lowrot.core.model.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigJsonTest {

    private static List<String> problems(String json) {
        return assertThrows(ConfigException.class, () -> ConfigJson.parse(json, null))
                .problems();
    }

    @Test
    void roundTripKeepsEveryField() throws Exception {
        LabConfig c = LabConfig.defaults();
        for (String set : List.of(
                "dataset.kind=PARITY",
                "dataset.d=12",
                "network.width=256",
                "training.regime=NO_ROTATION",
                "training.optimizer=SGD",
                "training.batchSize=7",
                "seeds.data=42",
                "seeds.init=43",
                "run.steps=123",
                "dataset.groupLabels=1,-1",
                "references.ntkDirections=512",
                "network.symmetricPairs=true")) {
            c = ConfigJson.override(c, set);
        }
        LabConfig back = ConfigJson.parse(ConfigJson.write(c), null);
        assertEquals(c, back);
        assertEquals(DatasetKind.PARITY, back.run().dataset().kind());
        assertEquals(12, back.run().dataset().d());
        assertEquals(256, back.run().network().width());
        assertEquals(Regime.NO_ROTATION, back.run().training().regime());
        assertEquals(Optimizer.SGD, back.run().training().optimizer());
        assertEquals(42, back.run().dataSeed());
        assertEquals(List.of(1, -1), back.run().dataset().groupLabels());
    }

    @Test
    void everySettingIsWrittenByName() {
        String text = ConfigJson.write(LabConfig.defaults());
        for (Setting s : Setting.ALL) {
            if (s.get(LabConfig.defaults()) != null) {
                assertTrue(text.contains("\"" + s.key() + "\""), s.path());
            }
        }
        assertTrue(text.contains("\"QUADRANTS\""), "enums by name");
    }

    @Test
    void missingFieldsKeepTheirDefaults() throws Exception {
        LabConfig c = ConfigJson.parse("{\"network\": {\"width\": 8}}", null);
        assertEquals(8, c.run().network().width());
        assertEquals(LabConfig.defaults().run().dataset(), c.run().dataset());
    }

    @Test
    void malformedConfigsGetSpecificMessages() {
        assertEquals(List.of("unknown field \"network.depth\""), problems("{\"network\": {\"depth\": 3}}"));
        assertTrue(problems("{\"colour\": 1}").get(0).startsWith("unknown field \"colour\""));
        assertEquals(
                List.of("network.width = \"wide\": expected a whole number, found the text \"wide\""),
                problems("{\"network\": {\"width\": \"wide\"}}"));
        assertEquals(
                List.of("network.width = 2.5: expected a whole number"), problems("{\"network\": {\"width\": 2.5}}"));
        assertTrue(
                problems("{\"network\": {\"width\": 1e30}}").get(0).startsWith("network.width = 1e30: out of range"));
        assertEquals(
                List.of("network.width = 0 is out of range: allowed 1 to 1048576"),
                problems("{\"network\": {\"width\": 0}}"));
        assertTrue(problems("{\"training\": {\"loss\": \"hinge\"}}")
                .get(0)
                .startsWith("training.loss = \"hinge\": allowed LOGISTIC, EXPONENTIAL"));
        assertTrue(problems("{\"training\": {\"outerTrainable\": \"yes\"}}")
                .get(0)
                .startsWith("training.outerTrainable = \"yes\": expected a true or false"));
        assertTrue(problems("{\"training\": {\"stepSize\": NaN}}").get(0).startsWith("not valid JSON"));
        assertTrue(problems("[1, 2]").get(0).startsWith("the file must hold one JSON object"));
        assertTrue(problems("").get(0).startsWith("the file must hold one JSON object"));
        assertTrue(problems("{\"network\": 5}").get(0).startsWith("network: expected an object of settings"));
        assertTrue(problems("{\"version\": 2}").get(0).startsWith("version = 2"));
        assertEquals(
                "not valid JSON at line 1 column 5: not strict JSON (NaN, comments, unquoted text or a second value"
                        + " are not allowed)",
                problems("{} {}").get(0));
        assertEquals(
                "not valid JSON at line 1 column 14: the text ends early",
                problems("{\"network\": {").get(0));
        assertTrue(problems("[".repeat(5000) + "]".repeat(5000)).get(0).startsWith("not valid JSON"));
        // Every problem at once.
        assertEquals(
                3,
                problems("{\"network\": {\"width\": -1, \"initScale\": 0}, \"dataset\": {\"n\": 0}}")
                        .size());
    }

    @Test
    void overridesAreValidatedLikeTheFile() {
        assertTrue(
                assertThrows(ConfigException.class, () -> ConfigJson.override(LabConfig.defaults(), "network.widht=3"))
                        .getMessage()
                        .startsWith("--set network.widht: unknown field"));
        assertTrue(
                assertThrows(ConfigException.class, () -> ConfigJson.override(LabConfig.defaults(), "network.width=x"))
                        .getMessage()
                        .startsWith("network.width = \"x\": expected a whole number"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigJson.override(LabConfig.defaults(), "width"))
                .getMessage()
                .contains("expected path=value"));
        assertTrue(assertThrows(
                        ConfigException.class,
                        () -> ConfigJson.validated(ConfigJson.override(LabConfig.defaults(), "training.stepSize=-1")))
                .getMessage()
                .startsWith("training.stepSize = -1 is out of range"));
    }

    @Test
    void pointsInlineAndFromCsv(@TempDir Path dir) throws Exception {
        LabConfig inline = ConfigJson.parse(
                "{\"dataset\": {\"kind\": \"POINTS\", \"points\": [[0.5, 0, 1], [0, -0.5, -1]]}}", null);
        assertEquals(2, inline.run().dataset().points().n());
        assertEquals(inline, ConfigJson.parse(ConfigJson.write(inline), null));
        Files.writeString(dir.resolve("pts.csv"), "x1,x2,y\n0.2,0.1,1\n-0.3,0.2,0\n");
        Path cfg = dir.resolve("c.json");
        Files.writeString(cfg, "{\"dataset\": {\"kind\": \"POINTS\", \"csv\": \"pts.csv\"}}");
        LabConfig fromCsv = ConfigJson.read(cfg);
        assertEquals(2, fromCsv.run().dataset().points().n());
        assertEquals(-1.0, fromCsv.run().dataset().points().y(1));
        assertTrue(problems("{\"dataset\": {\"kind\": \"POINTS\"}}")
                .get(0)
                .contains("needs dataset.points or dataset.csv"));
    }
}
