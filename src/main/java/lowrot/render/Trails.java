package lowrot.render;

import lowrot.core.train.Snapshot;

/**
 * The recent positions (angle, radius) of every neuron in the circle view, newest last, for the
 * fading trails. Owned by the thread that draws.
 */
public final class Trails {
    private final int width;
    private final int length;
    private final double[] angles;
    private final double[] radii;
    private int count;
    private int head;

    /** Trails of {@code length} positions for {@code width} neurons. */
    public Trails(int width, int length) {
        this.width = width;
        this.length = length;
        this.angles = new double[width * length];
        this.radii = new double[width * length];
    }

    /** Records the positions of a snapshot (ignored if its width differs). */
    public void add(Snapshot s, CircleLayout.Plane plane) {
        if (s.width() != width) {
            return;
        }
        double maxWeight = CircleLayout.maxWeight(s);
        for (int j = 0; j < width; j++) {
            angles[head * width + j] = plane.angle(s, j);
            radii[head * width + j] = CircleLayout.neuronRadius(s, j, maxWeight);
        }
        head = (head + 1) % length;
        count = Math.min(count + 1, length);
    }

    public int width() {
        return width;
    }

    /** Positions recorded, up to the trail length. */
    public int count() {
        return count;
    }

    /** Angle of neuron j, {@code age} positions back (0 = newest). */
    public double angle(int j, int age) {
        return angles[index(age) * width + j];
    }

    public double radius(int j, int age) {
        return radii[index(age) * width + j];
    }

    private int index(int age) {
        return ((head - 1 - age) % length + length) % length;
    }

    /** An independent copy (for drawing on another thread). */
    public Trails copy() {
        Trails t = new Trails(width, length);
        System.arraycopy(angles, 0, t.angles, 0, angles.length);
        System.arraycopy(radii, 0, t.radii, 0, radii.length);
        t.count = count;
        t.head = head;
        return t;
    }

    public void clear() {
        count = 0;
        head = 0;
    }
}
