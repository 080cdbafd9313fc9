package lowrot.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import lowrot.core.train.Snapshot;

/**
 * The neurons of the circle view drawn one by one: each on the ray of its direction at {@link
 * CircleLayout#neuronRadius}, coloured by the sign of a_j, with a spoke from the circle and a fading trail; as
 * anti-aliased dots (PNG, SVG) or as small bitmap sprites (the window, thousands of neurons per frame).
 */
final class NeuronDots {
    private NeuronDots() {}

    static void paint(
            Graphics2D g,
            CircleLayout layout,
            Snapshot s,
            Trails trails,
            CircleLayout.Plane plane,
            boolean bitmapDots) {
        int m = s.width();
        double maxWeight = CircleLayout.maxWeight(s);
        double dot = m > 2000 ? 3 : m > 300 ? 4.5 : 7;
        BufferedImage[] sprites = bitmapDots
                ? new BufferedImage[] {sprite(Palette.forSign(1), dot), sprite(Palette.forSign(-1), dot)}
                : null;
        float spoke = m > 1000 ? 0.5f : 1f;
        if (trails != null && trails.width() == m && trails.count() > 1 && m <= 2048) {
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int len = trails.count();
            for (int j = 0; j < m; j++) {
                Color c = Palette.forSign(s.a(j));
                for (int age = len - 1; age > 0; age--) {
                    double a1 = trails.angle(j, age);
                    double a2 = trails.angle(j, age - 1);
                    double jump = Math.abs(Math.IEEEremainder(a1 - a2, 2 * Math.PI));
                    // A norm passing through zero flips the neuron by π: that is a jump, not a path.
                    if (jump > Math.PI / 4
                            || Math.abs(a1 - a2) > Math.PI
                            || !Double.isFinite(a1)
                            || !Double.isFinite(a2)) {
                        continue;
                    }
                    double r1 = trails.radius(j, age);
                    double r2 = trails.radius(j, age - 1);
                    g.setPaint(Palette.withAlpha(c, 0.5 * (1 - (double) age / len)));
                    g.draw(new Line2D.Double(
                            layout.px(r1 * Math.cos(a1)),
                            layout.py(r1 * Math.sin(a1)),
                            layout.px(r2 * Math.cos(a2)),
                            layout.py(r2 * Math.sin(a2))));
                }
            }
        }
        for (int j = 0; j < m; j++) {
            double a = plane.angle(s, j);
            double r = CircleLayout.neuronRadius(s, j, maxWeight);
            Color c = Palette.forSign(s.a(j));
            g.setPaint(Palette.withAlpha(c, 0.55));
            g.setStroke(new BasicStroke(spoke));
            g.draw(new Line2D.Double(
                    layout.px(Math.cos(a)),
                    layout.py(Math.sin(a)),
                    layout.px(r * Math.cos(a)),
                    layout.py(r * Math.sin(a))));
            double cx = layout.px(r * Math.cos(a));
            double cy = layout.py(r * Math.sin(a));
            BufferedImage sprite = sprites == null ? null : sprites[c == Palette.forSign(1) ? 0 : 1];
            if (sprite != null) {
                // A bitmap (the window's view): one small image copy per neuron instead of an
                // anti-aliased curve; placed to the nearest pixel.
                g.drawImage(
                        sprite,
                        (int) Math.round(cx - sprite.getWidth() / 2.0),
                        (int) Math.round(cy - sprite.getHeight() / 2.0),
                        null);
            } else {
                g.setPaint(c);
                g.fill(new Ellipse2D.Double(cx - dot / 2, cy - dot / 2, dot, dot));
            }
        }
    }

    private static final java.util.Map<java.util.List<Object>, BufferedImage> SPRITES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** An anti-aliased dot of the given colour and diameter, centred in a small bitmap. */
    private static BufferedImage sprite(Color c, double dot) {
        return SPRITES.computeIfAbsent(java.util.List.of(c.getRGB(), dot), k -> {
            int size = (int) Math.ceil(dot) + 2;
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setPaint(c);
                g.fill(new Ellipse2D.Double((size - dot) / 2, (size - dot) / 2, dot, dot));
            } finally {
                g.dispose();
            }
            return image;
        });
    }
}
