package lowrot.app;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lowrot.render.ChartSet;

/**
 * Which figures the window shows: the circle view and a set of chart panels (presentation mode's choice; the
 * window shows them all). Never empty. Written as a list of names, "circle,margin,rotation".
 */
record FigureChoice(boolean circle, Set<ChartSet.Panel> charts) {
    static final String CIRCLE = "circle";

    FigureChoice {
        charts = charts.isEmpty() ? EnumSet.noneOf(ChartSet.Panel.class) : EnumSet.copyOf(charts);
        if (!circle && charts.isEmpty()) {
            throw new IllegalArgumentException("at least one figure must show");
        }
    }

    /** Every figure. */
    static FigureChoice all() {
        return new FigureChoice(true, EnumSet.allOf(ChartSet.Panel.class));
    }

    /** Presentation mode's first choice: the circle, the margin and the rotation — the paper's story at a glance. */
    static FigureChoice presentationDefault() {
        return new FigureChoice(true, EnumSet.of(ChartSet.Panel.MARGIN, ChartSet.Panel.ROTATION));
    }

    /** The choice with one figure (null: the circle) shown or hidden; the last figure cannot be hidden. */
    FigureChoice with(ChartSet.Panel panel, boolean shown) {
        boolean c = circle;
        Set<ChartSet.Panel> p = charts.isEmpty() ? EnumSet.noneOf(ChartSet.Panel.class) : EnumSet.copyOf(charts);
        if (panel == null) {
            c = shown;
        } else if (shown) {
            p.add(panel);
        } else {
            p.remove(panel);
        }
        return !c && p.isEmpty() ? this : new FigureChoice(c, p);
    }

    boolean shows(ChartSet.Panel panel) {
        return panel == null ? circle : charts.contains(panel);
    }

    String text() {
        List<String> names = new ArrayList<>();
        if (circle) {
            names.add(CIRCLE);
        }
        for (ChartSet.Panel p : charts) {
            names.add(p.name().toLowerCase());
        }
        return String.join(",", names);
    }

    /** Reads {@link #text()}; unknown names are skipped, and nothing known gives the fallback. */
    static FigureChoice parse(String text, FigureChoice fallback) {
        if (text == null) {
            return fallback;
        }
        boolean c = false;
        Set<ChartSet.Panel> p = EnumSet.noneOf(ChartSet.Panel.class);
        for (String name : text.split(",")) {
            String n = name.trim();
            if (n.equals(CIRCLE)) {
                c = true;
            } else {
                for (ChartSet.Panel panel : ChartSet.Panel.values()) {
                    if (panel.name().equalsIgnoreCase(n)) {
                        p.add(panel);
                    }
                }
            }
        }
        return !c && p.isEmpty() ? fallback : new FigureChoice(c, p);
    }
}
