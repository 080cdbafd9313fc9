package lowrot.render;

/**
 * How the charts draw their axes.
 *
 * @param xAxis      GF time τ or steps
 * @param logX       logarithmic x axis (points at x ≤ 0 are left out)
 * @param marginUnit which normalized margin the margin chart shows
 * @param largeText  presentation sizes: every text at least 18 pt (see {@link ChartText#PRESENTATION})
 */
public record ChartOptions(XAxis xAxis, boolean logX, MarginUnit marginUnit, boolean largeText) {
    public enum XAxis {
        TIME("GF time τ"),
        STEPS("steps");

        private final String label;

        XAxis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum MarginUnit {
        PATH("path-norm margin γ_P"),
        FROBENIUS("Frobenius margin γ_F");

        private final String label;

        MarginUnit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static ChartOptions defaults() {
        return new ChartOptions(XAxis.TIME, true, MarginUnit.PATH, false);
    }

    /** The sizes of the charts' text. */
    public ChartText text() {
        return largeText ? ChartText.PRESENTATION : ChartText.WINDOW;
    }

    public ChartOptions withXAxis(XAxis value) {
        return new ChartOptions(value, logX, marginUnit, largeText);
    }

    public ChartOptions withLogX(boolean value) {
        return new ChartOptions(xAxis, value, marginUnit, largeText);
    }

    public ChartOptions withMarginUnit(MarginUnit value) {
        return new ChartOptions(xAxis, logX, value, largeText);
    }

    public ChartOptions withLargeText(boolean value) {
        return new ChartOptions(xAxis, logX, marginUnit, value);
    }
}
