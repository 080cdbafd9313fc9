package lowrot.render;

import lowrot.core.Dataset;
import lowrot.core.GlobalMarginResult;
import lowrot.core.Snapshot;

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
public record CircleScene(Snapshot snapshot, Dataset data, Trails trails, RegionGrid regions, GlobalMarginResult optimal,
        Options options, String caption) {

    /**
     * Toggles of the circle view.
     *
     * @param rose    weighted histogram of neuron angles inside the circle
     * @param regions decision-region shading (d = 2, or d = 3 with the bias coordinate)
     * @param optimal spokes of the optimal network of the global-margin solver
     * @param trails  fading trails of recent angles
     * @param plane   the coordinate plane (for d > 2)
     */
    public record Options(boolean rose, boolean regions, boolean optimal, boolean trails, CircleLayout.Plane plane) {
        public static Options defaults() {
            return new Options(false, false, true, true, CircleLayout.Plane.DEFAULT);
        }

        public Options withRose(boolean v) {
            return new Options(v, regions, optimal, trails, plane);
        }

        public Options withRegions(boolean v) {
            return new Options(rose, v, optimal, trails, plane);
        }

        public Options withOptimal(boolean v) {
            return new Options(rose, regions, v, trails, plane);
        }

        public Options withTrails(boolean v) {
            return new Options(rose, regions, optimal, v, plane);
        }

        public Options withPlane(CircleLayout.Plane p) {
            return new Options(rose, regions, optimal, trails, p);
        }
    }
}
