package lowrot.app;

import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import lowrot.render.ChartSet;

/**
 * Presentation mode (View → Presentation, F11), for a lecture hall: full screen, every text of the window, the
 * charts and the circle view at least 18 pt, the control panel collapsed behind a Controls button in the transport
 * bar, and only the figures chosen under View → Presentation figures — a choice remembered between launches.
 * Leaving full screen (Esc) leaves the mode. FX thread only.
 */
final class PresentationMode {
    /** The style class on the window's root that sets the large CSS sizes (lowrot.css). */
    static final String STYLE = "presentation";

    static final String FIGURES_KEY = "presentation.figures";

    private final Stage stage;
    private final BorderPane root;
    private final Node controlPanel;
    private final LabSession session;
    private final LiveFigures figures;
    private final WindowPrefs prefs;
    private final java.util.function.Consumer<Boolean> largeText;
    private final ToggleButton controlsButton = new ToggleButton("Controls");
    private FigureChoice choice;
    private boolean on;

    PresentationMode(
            Stage stage,
            BorderPane root,
            Node controlPanel,
            LabSession session,
            LiveFigures figures,
            WindowPrefs prefs,
            java.util.function.Consumer<Boolean> largeText) {
        this.stage = stage;
        this.root = root;
        this.controlPanel = controlPanel;
        this.session = session;
        this.figures = figures;
        this.prefs = prefs;
        this.largeText = largeText;
        this.choice = FigureChoice.parse(prefs.get(FIGURES_KEY, null), FigureChoice.presentationDefault());
        controlsButton.setId("controlsToggle");
        controlsButton.setTooltip(new Tooltip("Show or hide the control panel (presentation mode)."));
        controlsButton.setVisible(false);
        controlsButton.setManaged(false);
        controlsButton.setOnAction(e -> root.setLeft(controlsButton.isSelected() ? controlPanel : null));
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && on) {
                set(false);
            }
        });
    }

    /** The Controls button for the transport bar (visible in presentation mode only). */
    Node controlsButton() {
        return controlsButton;
    }

    boolean on() {
        return on;
    }

    void toggle() {
        set(!on);
    }

    /** Enters or leaves presentation mode. */
    void set(boolean value) {
        if (value == on) {
            return;
        }
        on = value;
        if (on) {
            root.getStyleClass().add(STYLE);
        } else {
            root.getStyleClass().remove(STYLE);
        }
        controlsButton.setSelected(false);
        controlsButton.setVisible(on);
        controlsButton.setManaged(on);
        root.setLeft(on ? null : controlPanel);
        figures.show(on ? choice : FigureChoice.all());
        Pictures pictures = session.pictures();
        pictures.setChartOptions(pictures.chartOptions().withLargeText(on));
        pictures.setCircleOptions(pictures.circleOptions().withLargeText(on));
        largeText.accept(on);
        stage.setFullScreenExitHint(on ? "Esc or F11 leaves presentation mode" : null);
        stage.setFullScreen(on);
    }

    /** The figures presentation mode shows. */
    FigureChoice choice() {
        return choice;
    }

    /** Shows or hides one figure (null: the circle view) in presentation mode, and remembers the choice. */
    void choose(ChartSet.Panel panel, boolean shown) {
        choice = choice.with(panel, shown);
        prefs.put(FIGURES_KEY, choice.text());
        if (on) {
            figures.show(choice);
        }
    }

    /** View → Presentation figures: a check item per figure, the last one left cannot be unchecked. */
    Menu figuresMenu() {
        Menu menu = new Menu("Presentation figures");
        CheckMenuItem circle = new CheckMenuItem("Circle view");
        menu.getItems().add(circle);
        bind(circle, null);
        for (ChartSet.Panel p : ChartSet.Panel.values()) {
            CheckMenuItem item = new CheckMenuItem(p.title());
            menu.getItems().add(item);
            bind(item, p);
        }
        menu.setOnShowing(e -> {
            for (int i = 0; i < menu.getItems().size(); i++) {
                ((CheckMenuItem) menu.getItems().get(i))
                        .setSelected(choice.shows(i == 0 ? null : ChartSet.Panel.values()[i - 1]));
            }
        });
        return menu;
    }

    private void bind(CheckMenuItem item, ChartSet.Panel panel) {
        item.setSelected(choice.shows(panel));
        item.setOnAction(e -> {
            choose(panel, item.isSelected());
            item.setSelected(choice.shows(panel)); // the last figure stays
        });
    }
}
