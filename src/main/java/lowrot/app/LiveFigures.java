package lowrot.app;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import lowrot.core.train.Snapshot;
import lowrot.render.ChartSet;

/**
 * The circle view and the charts, kept up to date: the session marks them dirty, an animation timer
 * asks the painter thread for new bitmaps (the circle every frame it changed, the charts at most ten
 * times a second) and shows the finished ones if they still belong to the current run. To add a chart:
 * add a {@link ChartSet.Panel} and fill it in {@code ChartSet.update}; it appears here by itself. FX
 * thread only.
 */
final class LiveFigures {
    private static final long CHART_INTERVAL_NANOS = 100_000_000L;

    private final LabSession session;
    private final Stage stage;
    private final PerfOverlay perf;
    private final BitmapView circleView = new BitmapView();
    private final Map<ChartSet.Panel, BitmapView> chartViews = new EnumMap<>(ChartSet.Panel.class);
    private final FigurePainter painter;
    private final SplitPane node;
    private final GridPane grid = new GridPane();
    private final StackPane circleLayer;
    private FigureChoice shown;
    private final AnimationTimer timer;
    private boolean circleDirty = true;
    private boolean chartsDirty = true;
    private long lastChartUpdate;
    private int chartedMarginPoints;
    private Snapshot drawn;
    private final CircleInteraction interaction;

    /** @param exportMenu the context menu of a panel (null for the circle view) */
    LiveFigures(LabSession session, Stage stage, PerfOverlay perf, Function<ChartSet.Panel, ContextMenu> exportMenu) {
        this.session = session;
        this.stage = stage;
        this.perf = perf;
        this.painter =
                new FigurePainter(FxThread.EXECUTOR, this::showCircle, this::showCharts, session::note, Niceness.LOWER);
        circleView.setMinSize(200, 200);
        circleView.setPrefSize(600, 600);
        circleView.widthProperty().addListener(o -> circleDirty = true);
        circleView.heightProperty().addListener(o -> circleDirty = true);
        circleView.setId("circle");
        interaction = new CircleInteraction(session, circleView, exportMenu.apply(null));
        StackPane perfLayer = new StackPane(circleView, perf.node());
        // Bottom right, above the legend line: the caption runs along the top.
        StackPane.setAlignment(perf.node(), Pos.BOTTOM_RIGHT);
        StackPane.setMargin(perf.node(), new Insets(0, 4, 26, 0));
        grid.setHgap(4);
        grid.setVgap(4);
        ChartSet.Panel[] panels = ChartSet.Panel.values();
        for (int p = 0; p < panels.length; p++) {
            BitmapView viewer = new BitmapView();
            viewer.getStyleClass().add("figure");
            viewer.setId("chart-" + panels[p].name().toLowerCase());
            viewer.setPrefSize(320, 300);
            viewer.widthProperty().addListener(o -> chartsDirty = true);
            viewer.heightProperty().addListener(o -> chartsDirty = true);
            viewer.setMinSize(200, 150);
            ContextMenu menu = exportMenu.apply(panels[p]);
            viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
            chartViews.put(panels[p], viewer);
            GridPane.setHgrow(viewer, Priority.ALWAYS);
            GridPane.setVgrow(viewer, Priority.ALWAYS);
        }
        circleView.getStyleClass().add("figure");
        this.circleLayer = perfLayer;
        node = new SplitPane();
        show(FigureChoice.all());
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                perf.frame(now);
                if (stage.isShowing()) {
                    perf.shown();
                }
                if (circleDirty) {
                    circleDirty = false;
                    drawCircle();
                }
                if (chartsDirty && now - lastChartUpdate >= CHART_INTERVAL_NANOS) {
                    chartsDirty = false;
                    lastChartUpdate = now;
                    drawCharts();
                }
                session.pictures().maybeTangent(now);
            }
        };
    }

    Node node() {
        return node;
    }

    /**
     * Shows these figures: the circle on the left (36 % of the width when charts show beside it), the charts
     * in a grid of at most {@link ChartSet#COLUMNS} columns, in panel order. Hidden charts are not drawn.
     */
    void show(FigureChoice choice) {
        shown = choice;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        List<ChartSet.Panel> panels = new ArrayList<>(choice.charts());
        int columns = panels.size() <= 2 ? panels.size() : panels.size() == 4 ? 2 : ChartSet.COLUMNS;
        for (int p = 0; p < panels.size(); p++) {
            grid.add(chartViews.get(panels.get(p)), p % columns, p / columns);
        }
        for (int c = 0; c < columns; c++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        List<Node> items = new ArrayList<>();
        if (choice.circle()) {
            items.add(circleLayer);
        }
        if (!panels.isEmpty()) {
            items.add(grid);
        }
        node.getItems().setAll(items);
        if (items.size() == 2) {
            node.setDividerPositions(panels.size() <= 2 ? 0.45 : 0.36);
        }
        circleDirty = true;
        chartsDirty = true;
    }

    FigureChoice shown() {
        return shown;
    }

    /** Outlines one figure (null: the circle view) for the tour, and only that one; {@code none} clears it. */
    void highlight(ChartSet.Panel panel, boolean none) {
        circleView.getStyleClass().remove(HIGHLIGHT);
        for (BitmapView v : chartViews.values()) {
            v.getStyleClass().remove(HIGHLIGHT);
        }
        if (!none) {
            (panel == null ? circleView : chartViews.get(panel)).getStyleClass().add(HIGHLIGHT);
        }
    }

    /** The style class of the figure the tour points at. */
    static final String HIGHLIGHT = "tour-focus";

    /** The view of a chart (null: the circle view). */
    BitmapView view(ChartSet.Panel panel) {
        return panel == null ? circleView : chartViews.get(panel);
    }

    void start() {
        timer.start();
    }

    void close() {
        timer.stop();
        painter.close();
    }

    void circleChanged() {
        circleDirty = true;
    }

    void chartsChanged() {
        chartsDirty = true;
    }

    private double outputScale() {
        return stage.getOutputScaleX() > 0 ? stage.getOutputScaleX() : 1;
    }

    private void drawCircle() {
        int w = circleView.logicalWidth();
        int h = circleView.logicalHeight();
        if (session.latest() == null || w < 10 || h < 10 || !shown.circle()) {
            return;
        }
        painter.paintCircle(new FigurePainter.CircleRequest(session.pictures().sceneCopy(), w, h, outputScale()));
    }

    private void drawCharts() {
        Map<ChartSet.Panel, int[]> sizes = new EnumMap<>(ChartSet.Panel.class);
        for (var e : chartViews.entrySet()) {
            if (!shown.shows(e.getKey())) {
                continue;
            }
            sizes.put(
                    e.getKey(),
                    new int[] {e.getValue().logicalWidth(), e.getValue().logicalHeight()});
        }
        long runId = session.replaying() || session.run() == null
                ? -1
                : session.run().runId();
        painter.paintCharts(new FigurePainter.ChartRequest(ChartInputs.of(session), sizes, outputScale(), runId));
    }

    /** The circle view's neuron hover label, or null while hidden. */
    String hoverText() {
        return interaction.hoverText();
    }

    private void showCircle(FigurePainter.CircleFrame frame) {
        Snapshot shown = frame.request().scene().snapshot();
        if (!session.showable(shown.runId())) {
            return;
        }
        circleView.show(frame.image(), frame.request().w(), frame.request().h());
        drawn = shown;
        interaction.pictureChanged();
        perf.circleShown();
    }

    private void showCharts(FigurePainter.ChartFrame frame) {
        if (!session.showable(frame.request().runId())) {
            return;
        }
        for (var e : frame.images().entrySet()) {
            int[] size = frame.request().sizes().get(e.getKey());
            chartViews.get(e.getKey()).show(e.getValue(), size[0], size[1]);
        }
        chartedMarginPoints = frame.marginPoints();
    }

    /** The snapshot the circle view shows now. */
    Snapshot drawn() {
        return drawn;
    }

    /** Points of the margin series in the charts shown now. */
    int chartedMarginPoints() {
        return chartedMarginPoints;
    }
}
