package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import lowrot.render.ChartSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presentation mode's choice of figures as written to and read from the preferences file. */
class FigureChoiceTest {
    @Test
    void aChoiceReadsBackAndNeverLosesItsLastFigure() {
        FigureChoice c = new FigureChoice(false, EnumSet.of(ChartSet.Panel.SPREAD, ChartSet.Panel.MARGIN));
        assertEquals("margin,spread", c.text());
        assertEquals(c, FigureChoice.parse(c.text(), FigureChoice.all()));
        assertEquals(FigureChoice.all(), FigureChoice.parse(FigureChoice.all().text(), null));
        FigureChoice one = new FigureChoice(true, EnumSet.noneOf(ChartSet.Panel.class));
        assertEquals(one, one.with(null, false), "the last figure stays");
        assertTrue(one.with(ChartSet.Panel.KERNEL, true).shows(ChartSet.Panel.KERNEL));
        assertFalse(c.with(ChartSet.Panel.MARGIN, false).shows(ChartSet.Panel.MARGIN));
        assertThrows(
                IllegalArgumentException.class, () -> new FigureChoice(false, EnumSet.noneOf(ChartSet.Panel.class)));
        FigureChoice fallback = FigureChoice.presentationDefault();
        assertEquals(fallback, FigureChoice.parse(null, fallback));
        assertEquals(fallback, FigureChoice.parse("nonsense, ,", fallback));
        assertEquals(
                new FigureChoice(true, EnumSet.of(ChartSet.Panel.RISK)),
                FigureChoice.parse(" circle , RISK ,unknown", fallback));
    }

    @Test
    void preferencesOutliveTheWindowAndAnUnwritableFileIsToldNotThrown(@TempDir Path dir) throws Exception {
        WindowPrefs prefs = new WindowPrefs(dir.resolve("sub").resolve("window.properties"));
        prefs.put("presentation.figures", "circle,margin");
        assertEquals(
                "circle,margin",
                new WindowPrefs(dir.resolve("sub").resolve("window.properties")).get("presentation.figures", null));

        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file where a folder should be");
        WindowPrefs broken = new WindowPrefs(blocker.resolve("window.properties"));
        List<String> told = new ArrayList<>();
        broken.reportTo(told::add);
        broken.put("tour.stop", "3");
        assertEquals(1, told.size());
        assertTrue(told.get(0).startsWith("could not save " + blocker.resolve("window.properties")), told.get(0));
        assertEquals("3", broken.get("tour.stop", null), "the value lasts while the window is open");
    }
}
