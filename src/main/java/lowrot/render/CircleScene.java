package lowrot.render;

import lowrot.core.data.Dataset;
import lowrot.core.margin.GlobalMarginResult;
import lowrot.core.train.Snapshot;

/**
 * Everything the circle view draws at one moment. Optional parts may be null.
 *
 * @param snapshot the network (required)
 * @param data     the training points (required)
 * @param trails   recent neuron positions, or null
 * @param regions  sampled f for region shading, or null
 * @param optimal  the global-margin solution, drawn as reference spokes, or null
 * @param options  what to show
 * @param caption  a line of text above the circle
 */
public record CircleScene(
        Snapshot snapshot,
        Dataset data,
        Trails trails,
        RegionGrid regions,
        GlobalMarginResult optimal,
        Options options,
        String caption) {

    /**
     * Toggles of the circle view.
     *
     * @param rose    weighted histogram of neuron angles inside the circle
     * @param regions decision-region shading (d = 2, or d = 3 with the bias coordinate)
     * @param optimal spokes of the optimal network of the global-margin solver
     * @param trails  fading trails of recent angles
     * @param plane   the coordinate plane (for d > 2)
     * @param neurons neurons as dots, as a density around the circle, or chosen by width
     * @param largeText presentation sizes: caption 22 pt, legend 18 pt (else 13 and 11)
     */
    public record Options(
            boolean rose,
            boolean regions,
            boolean optimal,
            boolean trails,
            CircleLayout.Plane plane,
            NeuronView neurons,
            boolean largeText) {
        public static Options defaults() {
            return new Options(false, false, true, true, CircleLayout.Plane.DEFAULT, NeuronView.AUTO, false);
        }

        public Options withLargeText(boolean v) {
            return new Options(rose, regions, optimal, trails, plane, neurons, v);
        }

        public Options withRose(boolean v) {
            return new Options(v, regions, optimal, trails, plane, neurons, largeText);
        }

        public Options withRegions(boolean v) {
            return new Options(rose, v, optimal, trails, plane, neurons, largeText);
        }

        public Options withOptimal(boolean v) {
            return new Options(rose, regions, v, trails, plane, neurons, largeText);
        }

        public Options withTrails(boolean v) {
            return new Options(rose, regions, optimal, v, plane, neurons, largeText);
        }

        public Options withPlane(CircleLayout.Plane p) {
            return new Options(rose, regions, optimal, trails, p, neurons, largeText);
        }

        public Options withNeurons(NeuronView v) {
            return new Options(rose, regions, optimal, trails, plane, v, largeText);
        }

        /** Whether m neurons are drawn as a density (bars around the circle) rather than as dots. */
        public boolean density(int m) {
            return neurons == NeuronView.DENSITY || (neurons == NeuronView.AUTO && m >= NeuronView.DENSITY_FROM);
        }
    }

    /** How the neurons are drawn. */
    public enum NeuronView {
        AUTO("dots, density from 4,096 neurons"),
        DOTS("dots"),
        DENSITY("density around the circle");

        /** Width from which AUTO draws a density: thousands of dots make an unreadable ring. */
        public static final int DENSITY_FROM = 4096;

        private final String label;

        NeuronView(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
