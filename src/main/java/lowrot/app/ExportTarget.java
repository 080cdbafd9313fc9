package lowrot.app;

import lowrot.render.ChartSet;

/** What File → Export can write. */
enum ExportTarget {
    MARGIN("Margin chart", ChartSet.Panel.MARGIN, "margin"),
    KERNEL("Kernel-units margin chart", ChartSet.Panel.KERNEL, "kernel-margin"),
    RISK("Risk chart", ChartSet.Panel.RISK, "risk"),
    ROTATION("Rotation chart", ChartSet.Panel.ROTATION, "rotation"),
    FEATURES("Features chart", ChartSet.Panel.FEATURES, "features"),
    SPREAD("Rotation-per-neuron chart", ChartSet.Panel.SPREAD, "rotation-spread"),
    CIRCLE("Circle view", null, "circle"),
    COMPOSITE("Composite figure", null, "composite");

    private final String label;
    private final ChartSet.Panel panel;
    private final String fileName;

    ExportTarget(String label, ChartSet.Panel panel, String fileName) {
        this.label = label;
        this.panel = panel;
        this.fileName = fileName;
    }

    String label() {
        return label;
    }

    ChartSet.Panel panel() {
        return panel;
    }

    String fileName() {
        return fileName;
    }

    int defaultWidth() {
        return this == CIRCLE ? 800 : this == COMPOSITE ? 2000 : 800;
    }

    int defaultHeight() {
        return this == CIRCLE ? 800 : this == COMPOSITE ? 800 : 500;
    }

    static ExportTarget forPanel(ChartSet.Panel p) {
        for (ExportTarget t : values()) {
            if (t.panel == p) {
                return t;
            }
        }
        throw new IllegalArgumentException(p.name());
    }
}
