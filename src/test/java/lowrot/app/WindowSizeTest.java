package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --size WxH}: a size in pixels, or a message that names the flag, its form and its range. */
class WindowSizeTest {
    @Test
    void aSizeReadsAndABadOneIsNamed() {
        assertArrayEquals(new double[] {1280, 800}, LowrotApp.windowSize("1280x800"));
        assertArrayEquals(new double[] {1920, 1080}, LowrotApp.windowSize("1920X1080"));
        for (String bad : new String[] {"12x8", "1280", "wide", "1280x800x2", "99999x800"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> LowrotApp.windowSize(bad));
            assertTrue(
                    e.getMessage().startsWith("--size " + bad + ":")
                            && e.getMessage().contains("640x480"),
                    e.getMessage());
        }
    }
}
