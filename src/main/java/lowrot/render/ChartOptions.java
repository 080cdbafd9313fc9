package lowrot.render;

/**
 * How the charts draw their axes.
 *
 * @param xAxis      GF time τ or steps
 * @param logX       logarithmic x axis (points at x ≤ 0 are left out)
 * @param marginUnit which normalized margin the margin chart shows
 */
public record ChartOptions(XAxis xAxis, boolean logX, MarginUnit marginUnit) {
    public enum XAxis {
        TIME("GF time τ"), STEPS("steps");

        private final String label;

        XAxis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum MarginUnit {
        PATH("path-norm margin γ_P"), FROBENIUS("Frobenius margin γ_F");

        private final String label;

        MarginUnit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static ChartOptions defaults() {
        return new ChartOptions(XAxis.TIME, true, MarginUnit.PATH);
    }

    public ChartOptions withXAxis(XAxis value) {
        return new ChartOptions(value, logX, marginUnit);
    }

    public ChartOptions withLogX(boolean value) {
        return new ChartOptions(xAxis, value, marginUnit);
    }

    public ChartOptions withMarginUnit(MarginUnit value) {
        return new ChartOptions(xAxis, logX, value);
    }
}
