package lowrot.app;

import java.util.SortedMap;
import java.util.TreeMap;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import lowrot.core.experiment.ComplexityAnalysis;
import lowrot.core.train.Metrics;
import lowrot.render.ComplexityCharts;
import org.jfree.chart.fx.ChartViewer;

/**
 * The tour of the paper (Help → Tour, {@code lowrot --tour}): a card above the status bar that leads through
 * {@link TourStops}. Each stop loads its run, plays it to its τ at a watchable pace, outlines the figure it talks
 * about and writes its sentences from the live run at every status change. Next and Back (buttons, N and B, or a
 * presenter's PageDown and PageUp) move between stops, Esc closes; the user may change any control at a stop, and
 * Back, Next or "Restart stop" loads the stop's run again. The stop reached is remembered between launches.
 * FX thread only.
 */
final class Tour {
    static final String STOP_KEY = "tour.stop";

    private final LabSession session;
    private final LiveFigures figures;
    private final TransportBar transport;
    private final ViewPanel view;
    private final WindowPrefs prefs;
    private final BackgroundJobs jobs;
    private final Label heading = new Label();
    private final Label body = new Label();
    private final Button back = new Button("◀ Back");
    private final Button next = new Button("Next ▶");
    private final ChartViewer chart = new ChartViewer(null, false);
    private final HBox card;
    /** The laziness stop's record: mean rotation (radians) at its τ target, per width that reached it. */
    private final SortedMap<Integer, Double> widths = new TreeMap<>();

    private int at = -1;
    private ShippedComplexity complexity;
    private String complexityProblem;
    private boolean loading;
    private boolean largeText;

    Tour(
            LabSession session,
            LiveFigures figures,
            TransportBar transport,
            ViewPanel view,
            WindowPrefs prefs,
            BackgroundJobs jobs) {
        this.session = session;
        this.figures = figures;
        this.transport = transport;
        this.view = view;
        this.prefs = prefs;
        this.jobs = jobs;
        heading.getStyleClass().add("tour-heading");
        heading.setId("tourHeading");
        body.setId("tourText");
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        body.setMaxWidth(Double.MAX_VALUE);
        back.setId("tourBack");
        next.setId("tourNext");
        back.setTooltip(new Tooltip("The previous stop, its run loaded afresh (B or PageUp)."));
        next.setTooltip(new Tooltip("The next stop (N or PageDown)."));
        Button restart = new Button("Restart stop");
        restart.setId("tourRestart");
        restart.setTooltip(new Tooltip("Load this stop's run again, undoing any change to the controls."));
        Button close = new Button("Close tour");
        close.setId("tourClose");
        close.setTooltip(new Tooltip("Close the tour (Esc); Help → Tour resumes at this stop."));
        back.setOnAction(e -> back());
        next.setOnAction(e -> next());
        restart.setOnAction(e -> go(at));
        close.setOnAction(e -> close());
        HBox buttons = new HBox(8, back, next, restart, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(6, heading, body, buttons);
        HBox.setHgrow(text, Priority.ALWAYS);
        chart.setPrefSize(540, 300);
        chart.setMinSize(420, 260);
        card = new HBox(12, text, chart);
        card.getStyleClass().add("tour-card");
        card.setId("tourCard");
        show(false);
    }

    /** The card, placed above the status bar; hidden while the tour is closed. */
    Node node() {
        return card;
    }

    boolean isOpen() {
        return at >= 0;
    }

    /** The stop shown (0-based), or −1 while closed. */
    int stop() {
        return at;
    }

    /** The sentences shown. */
    String text() {
        return body.getText();
    }

    /** Opens the tour where it was left (the first stop the first time, or after it was finished). */
    void open() {
        int saved;
        try {
            saved = Integer.parseInt(prefs.get(STOP_KEY, "0"));
        } catch (NumberFormatException e) {
            saved = 0;
        }
        go(Math.max(0, Math.min(TourStops.ALL.size() - 1, saved)));
    }

    void next() {
        if (at == TourStops.ALL.size() - 1) {
            prefs.put(STOP_KEY, "0");
            close();
        } else if (at >= 0) {
            go(at + 1);
        }
    }

    void back() {
        if (at > 0) {
            go(at - 1);
        }
    }

    void close() {
        at = -1;
        show(false);
        figures.highlight(null, true);
    }

    /** Goes to stop {@code index}: loads and plays its run, outlines its figure, writes its sentences. */
    void go(int index) {
        at = index;
        prefs.put(STOP_KEY, Integer.toString(index));
        TourStop stop = TourStops.ALL.get(index);
        show(true);
        heading.setText(
                "Tour of the paper — stop " + (index + 1) + " of " + TourStops.ALL.size() + ": " + stop.title());
        back.setDisable(index == 0);
        next.setText(index == TourStops.ALL.size() - 1 ? "Finish" : "Next ▶");
        figures.highlight(stop.focus(), !stop.pointsAtFigure());
        chart.setVisible(!stop.live());
        chart.setManaged(!stop.live());
        String problem = null;
        if (stop.live()) {
            if (index == 1) {
                widths.clear();
            }
            transport.setPaceAndTarget(stop.pace(), stop.targetTime());
            view.showLearnedPlane(stop.learnedPlane());
            problem = session.tryConfig(stop.config());
            session.transport().play();
        } else {
            loadComplexity();
        }
        refresh();
        if (problem != null) {
            body.setText("This stop's run could not start: " + problem);
        }
    }

    /** A new run started (a stop loaded it, or the user changed a control at a stop): it plays to the stop's τ. */
    void runStarted() {
        if (at >= 0 && TourStops.ALL.get(at).live()) {
            session.transport().play();
        }
    }

    /** Writes the stop's sentences from the run now; the laziness stop records the width that reached its τ. */
    void refresh() {
        if (at < 0) {
            return;
        }
        TourStop stop = TourStops.ALL.get(at);
        TourReadings r = TourReadings.of(session);
        if (at == 1 && r.started() && !session.replaying()) {
            Metrics m = r.latest();
            if (m.time() >= stop.targetTime() && Metrics.applies(m.rotationMean())) {
                widths.putIfAbsent(r.width(), m.rotationMean());
            }
        }
        body.setText(TourText.of(at, stop, r, widths, complexity, complexityProblem));
    }

    /**
     * N / PageDown next, B / PageUp back, Esc closes; true when the key was the tour's. While a text field has the
     * focus ({@code typing}) only PageDown and PageUp are the tour's: N, B and Esc belong to the field.
     */
    boolean onKey(KeyEvent e, boolean typing) {
        if (at < 0) {
            return false;
        }
        KeyCode k = e.getCode();
        if (k == KeyCode.PAGE_DOWN || (!typing && k == KeyCode.N)) {
            next();
        } else if (k == KeyCode.PAGE_UP || (!typing && k == KeyCode.B)) {
            back();
        } else if (!typing && k == KeyCode.ESCAPE) {
            close();
        } else {
            return false;
        }
        e.consume();
        return true;
    }

    /** The laziness stop's record (a copy). */
    SortedMap<Integer, Double> widths() {
        return new TreeMap<>(widths);
    }

    /** The last stop's figure as drawn now, or null before the shipped results are read. */
    org.jfree.chart.JFreeChart complexityChart() {
        return chart.getChart();
    }

    /** The shipped results once read, else null. */
    ShippedComplexity complexity() {
        return complexity;
    }

    /** Presentation mode's text sizes for the last stop's figure (its sentences follow the window's CSS). */
    void setLargeText(boolean value) {
        largeText = value;
        drawComplexity();
    }

    private void drawComplexity() {
        if (complexity == null) {
            return;
        }
        var needed = ComplexityCharts.needed(
                ComplexityAnalysis.points(complexity.needed()), complexity.exponents(), complexity.epsilon());
        if (largeText) {
            lowrot.render.ChartText.PRESENTATION.apply(needed);
        }
        chart.setChart(needed);
    }

    private void show(boolean on) {
        card.setVisible(on);
        card.setManaged(on);
    }

    private void loadComplexity() {
        if (complexity != null || loading) {
            return;
        }
        loading = true;
        jobs.file(
                ShippedComplexity::load,
                c -> {
                    loading = false;
                    complexity = c;
                    drawComplexity();
                    refresh();
                },
                e -> {
                    loading = false;
                    complexityProblem = e.getMessage();
                    refresh();
                });
    }
}
