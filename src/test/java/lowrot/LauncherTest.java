package lowrot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the jar's arguments go: the command line, the window, or a one-line "no display". */
class LauncherTest {
    private static final Map<String, String> X11 = Map.of("DISPLAY", ":0");

    private static Launcher.Route route(Map<String, String> env, String... args) {
        return Launcher.route(args, env::get, p -> p.equals("samples/nc.json"));
    }

    @Test
    void subcommandsAndUnknownWordsGoToTheCommandLine() {
        assertEquals(Launcher.Route.CLI, route(X11, "margins", "x.json"));
        assertEquals(Launcher.Route.CLI, route(X11, "marigns", "x.json"), "picocli names it and suggests margins");
        assertEquals(Launcher.Route.CLI, route(Map.of(), "--help"));
        assertEquals(Launcher.Route.NO_FILE, route(X11, "missing.json"), "a config that is not there is named");
        assertEquals(Launcher.Route.NO_FILE, route(X11, "some/dir/config"));
    }

    @Test
    void theWindowNeedsADisplay() {
        assertEquals(Launcher.Route.WINDOW, route(X11));
        assertEquals(Launcher.Route.WINDOW, route(X11, "samples/nc.json", "--play"));
        assertEquals(Launcher.Route.WINDOW, route(Map.of("WAYLAND_DISPLAY", "wayland-0"), "--play"));
        String platform = System.getProperty("glass.platform");
        try {
            System.clearProperty("glass.platform");
            boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
            assertEquals(linux ? Launcher.Route.NO_DISPLAY : Launcher.Route.WINDOW, route(Map.of()));
            assertEquals(linux ? Launcher.Route.NO_DISPLAY : Launcher.Route.WINDOW, route(Map.of(), "samples/nc.json"));
        } finally {
            if (platform != null) {
                System.setProperty("glass.platform", platform);
            }
        }
    }
}
