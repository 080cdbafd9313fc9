package lowrot.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/config.md must list every setting of the schema with its default, so the docs stay true. */
class ConfigDocsTest {

    /** The schema table as it belongs in docs/config.md. */
    static String table() {
        StringBuilder sb = new StringBuilder("| field | type | default | meaning and range |\n|---|---|---|---|\n");
        LabConfig d = LabConfig.defaults();
        for (Setting s : Setting.ALL) {
            Object v = s.get(d);
            String type = s.type() == Setting.Type.ENUM ? "one of " + String.join(", ", s.names()) : s.type().label();
            sb.append("| `").append(s.path()).append("` | ").append(type).append(" | ")
                    .append(v == null ? "—" : v instanceof java.util.List<?> l && l.isEmpty() ? "[] (alternating)"
                            : v.toString())
                    .append(" | ").append(s.description()).append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void configDocsListEverySetting() throws Exception {
        String docs = Files.readString(Path.of("docs", "config.md"));
        assertTrue(docs.contains(table()), "docs/config.md is out of date; its table should read:\n" + table());
    }
}
