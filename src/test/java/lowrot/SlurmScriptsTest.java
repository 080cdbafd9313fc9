package lowrot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Slurm job scripts users copy: every script the README shows is the file in samples/slurm byte for byte, and
 * every file there is valid bash and executable. (That they run on a real scheduler is .ci/slurm-check's job.)
 */
class SlurmScriptsTest {
    private static final Path DIR = Path.of("samples", "slurm");

    @Test
    void theReadmeShowsTheShippedScriptsByteForByte() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("`samples/slurm/([\\w.-]+)`:\\n\\n```bash\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        int shown = 0;
        while (m.find()) {
            assertEquals(Files.readString(DIR.resolve(m.group(1))), m.group(2), m.group(1) + " as the README shows it");
            shown++;
        }
        assertEquals(3, shown, "the README shows the sweep's three scripts");
    }

    @Test
    void everyScriptIsExecutableBash() throws Exception {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(DIR)) {
            scripts = s.sorted().toList();
        }
        assertEquals(6, scripts.size(), scripts.toString());
        for (Path p : scripts) {
            assertTrue(Files.isExecutable(p), p + " is executable");
            assertTrue(Files.readString(p).startsWith("#!/bin/bash\n"), p + " starts with #!/bin/bash");
            Process check = new ProcessBuilder("bash", "-n", p.toString())
                    .redirectErrorStream(true)
                    .start();
            String said = new String(check.getInputStream().readAllBytes());
            assertEquals(0, check.waitFor(), p + ": " + said);
        }
    }
}
