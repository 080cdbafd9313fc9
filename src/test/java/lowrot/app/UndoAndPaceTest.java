package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lowrot.core.model.Regime;
import lowrot.io.LabConfig;
import lowrot.run.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window headless: a preset says what it changed and Ctrl+Z brings the settings back; pace and τ target. */
@ExtendWith(ApplicationExtension.class)
class UndoAndPaceTest {
    private MainWindow window;

    @Start
    void start(Stage s) {
        window = new MainWindow(s, LabConfig.defaults());
        s.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.shutdown());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPresetSaysWhatItChangedAndCtrlZBringsTheSettingsBack(FxRobot robot) throws Exception {
        LabConfig start = window.session().config();
        ComboBox<Regime> regime = robot.lookup("#regime").queryAs(ComboBox.class);
        assertTrue(start.run().training().regime() != Regime.NO_ROTATION);
        robot.interact(() -> regime.setValue(Regime.NO_ROTATION));
        LabConfig preset = window.session().config();
        assertEquals(Regime.NO_ROTATION, preset.run().training().regime());
        String note = window.session().message();
        assertTrue(
                note.startsWith(Regime.NO_ROTATION.label() + " preset — ")
                        && note.contains("Ctrl+Z brings the previous settings back"),
                note);
        assertEquals(
                SettingsChange.describe(start, preset, java.util.Map.of()).split(";").length,
                note.split(";").length,
                "one part per changed setting: " + note);

        // A field change after it, then two undos: back to the preset, then to the start.
        TextField width = robot.lookup("#network-width").queryAs(TextField.class);
        String presetWidth = width.getText();
        robot.clickOn(width).eraseText(width.getText().length()).write("128").type(KeyCode.ENTER);
        assertEquals(128, window.session().config().run().network().width());
        robot.clickOn("#play"); // focus away from the text field, whose own Ctrl+Z undoes typing
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(preset.run(), window.session().config().run());
        assertEquals(presetWidth, width.getText(), "the field shows the setting brought back");
        assertTrue(
                window.session().message().startsWith("undone — width m: 128 → " + presetWidth),
                window.session().message());
        robot.interact(() -> window.undoSettings());
        assertEquals(start.run(), window.session().config().run());
        assertEquals(start.run().training().regime(), regime.getValue(), "the regime box shows it too");
        robot.interact(() -> window.undoSettings());
        assertTrue(
                window.session().message().startsWith("nothing to undo"),
                window.session().message());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRunPausesAtTheStopAtTauValueAndThePaceCanBeChanged(FxRobot robot) throws Exception {
        ComboBox<String> speed = robot.lookup("#speed").queryAs(ComboBox.class);
        assertEquals("0.5 τ-decades/s", speed.getValue());
        robot.interact(() -> speed.setValue(TransportBar.FASTEST));
        assertEquals(0.0, window.session().transport().pace());
        TextField stopAt = robot.lookup("#stopAtTime").queryAs(TextField.class);
        robot.clickOn(stopAt).write("abc").type(KeyCode.ENTER);
        assertEquals(0.0, window.session().transport().targetTime(), "a bad value sets no target");
        robot.clickOn(stopAt).eraseText(3).write("40").type(KeyCode.ENTER);
        assertEquals(40.0, window.session().transport().targetTime());
        robot.interact(() -> window.session().transport().play());
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> window.session().status() != null
                        && window.session().status().state() == RunState.PAUSED
                        && window.session().latest() != null
                        && window.session().latest().time() >= 40);
        assertTrue(
                window.session().message().contains("reached the target (τ = 40.0)"),
                window.session().message());
        assertTrue(window.session().transport().progress() >= 1.0 - 1e-12);
    }

    @Test
    void pinnedRunsStayOnTheChartsUntilCleared(FxRobot robot) throws Exception {
        robot.interact(() -> window.session().run().step(300));
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> window.session().latest() != null
                        && window.session().latest().step() == 300);
        robot.clickOn("#pin");
        assertEquals(1, window.session().pins().size());
        assertTrue(
                window.session().message().startsWith("pinned: "),
                window.session().message());
        // A new width: a new run, and the pin stays.
        TextField width = robot.lookup("#network-width").queryAs(TextField.class);
        robot.clickOn(width).eraseText(width.getText().length()).write("128").type(KeyCode.ENTER);
        assertEquals(1, window.session().pins().size());
        assertTrue(
                window.session().pins().get(0).label().contains("m = 64"),
                window.session().pins().toString());
        robot.clickOn("#pin");
        robot.clickOn("#pin");
        assertEquals(3, window.session().pins().size());
        robot.clickOn("#clearPins");
        assertEquals(0, window.session().pins().size());
    }
}
