package lowrot.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.function.Consumer;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.RunConfig;
import lowrot.core.train.Snapshot;
import lowrot.core.train.Trainer;
import org.junit.jupiter.api.Test;

/** The window's cached still layer and bitmap dots draw what the one-pass drawing draws. */
class CircleRendererTest {
    private static final int W = 420;
    private static final int H = 380;

    private static Trainer trainer(int width) {
        RunConfig rc = RunConfig.defaults()
                .withDataset(DataSpec.defaults(DatasetKind.QUADRANTS).withN(60).withNTest(10))
                .withNetwork(NetworkSpec.defaults().withWidth(width));
        Trainer t = new Trainer(rc);
        t.steps(50);
        return t;
    }

    private static CircleScene scene(Trainer t, Snapshot s, CircleScene.Options options) {
        return new CircleScene(s, t.data().train(), null, null, null, options, "caption");
    }

    private static int[] pixels(Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData().clone();
    }

    @Test
    void stillLayerThenMovingLayerEqualsTheWholeDrawing() {
        Trainer t = trainer(40);
        CircleScene sc = scene(t, t.snapshot(1), CircleScene.Options.defaults());
        assertTrue(CircleRenderer.stillIsCacheable(sc));
        BufferedImage still = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D gs = still.createGraphics();
        CircleRenderer.paintStill(gs, W, H, sc);
        gs.dispose();
        int[] layered = pixels(g -> {
            g.drawImage(still, 0, 0, null);
            CircleRenderer.paintMoving(g, W, H, sc);
        });
        assertArrayEquals(pixels(g -> CircleRenderer.paint(g, W, H, sc)), layered);
    }

    @Test
    void theStillLayerIsReusedOnlyWhileItsInputsStay() {
        Trainer t = trainer(12);
        CircleScene before = scene(t, t.snapshot(1), CircleScene.Options.defaults());
        t.steps(20);
        CircleScene after = scene(t, t.snapshot(1), CircleScene.Options.defaults());
        assertTrue(CircleRenderer.sameStill(before, after), "training moves only the moving layer");
        assertFalse(
                CircleRenderer.sameStill(before, scene(t, t.snapshot(2), CircleScene.Options.defaults())),
                "another run has other initial marks");
        assertFalse(CircleRenderer.sameStill(
                before, scene(t, t.snapshot(1), CircleScene.Options.defaults().withOptimal(false))));
        assertFalse(
                CircleRenderer.stillIsCacheable(
                        scene(t, t.snapshot(1), CircleScene.Options.defaults().withRose(true))),
                "the rose changes with every snapshot");
    }

    @Test
    void bitmapDotsSitWhereTheDrawnDotsSit() {
        Trainer t = trainer(30);
        Snapshot s = t.snapshot(1);
        CircleScene sc = scene(t, s, CircleScene.Options.defaults().withOptimal(false));
        int[] curves = pixels(g -> CircleRenderer.paint(g, W, H, sc));
        int[] dots = pixels(g -> {
            CircleRenderer.paintStill(g, W, H, sc);
            CircleRenderer.paintMoving(g, W, H, sc, true);
        });
        CircleLayout layout = new CircleLayout(W, H);
        double max = CircleLayout.maxWeight(s);
        int matched = 0;
        for (int j = 0; j < s.width(); j++) {
            double a = CircleLayout.Plane.DEFAULT.angle(s, j);
            double r = CircleLayout.neuronRadius(s, j, max);
            int x = (int) Math.round(layout.px(r * Math.cos(a)));
            int y = (int) Math.round(layout.py(r * Math.sin(a)));
            Color expected = Palette.forSign(s.a(j));
            if (close(dots[y * W + x], expected) && close(curves[y * W + x], expected)) {
                matched++;
            }
        }
        // Dots drawn later may cover an earlier one; nearly every centre shows its own colour.
        assertTrue(matched >= s.width() - 3, matched + " of " + s.width() + " dot centres in their colour");
    }

    private static boolean close(int argb, Color c) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return Math.abs(r - c.getRed()) + Math.abs(g - c.getGreen()) + Math.abs(b - c.getBlue()) < 60;
    }

    /** The learned plane projects on the snapshot's own principal plane, and says its overlap. */
    @Test
    void learnedPlaneProjectsOnTheNetworksPlane() {
        RunConfig rc = RunConfig.defaults()
                .withDataset(
                        DataSpec.defaults(DatasetKind.PARITY).withD(6).withN(60).withNTest(10))
                .withNetwork(NetworkSpec.defaults().withWidth(30));
        Trainer t = new Trainer(rc);
        t.steps(20);
        Snapshot s = t.snapshot(1);
        CircleLayout.Plane plane = CircleLayout.Plane.LEARNED;
        double[] first = s.learnedPlane().first();
        assertTrue(Math.abs(plane.first(s, first) - 1) < 1e-12 && Math.abs(plane.second(s, first)) < 1e-12);
        assertTrue(plane.describe(s).startsWith("learned plane (overlap with e1–e2 "), plane.describe(s));
        assertTrue(new CircleLayout.Plane(2, 4).describe(s).equals("plane e3–e5"));
        // Drawn whole or in two layers, the picture is the same with the learned plane too.
        CircleScene sc = scene(t, s, CircleScene.Options.defaults().withPlane(plane));
        assertArrayEquals(pixels(g -> CircleRenderer.paint(g, W, H, sc)), pixels(g -> {
            CircleRenderer.paintStill(g, W, H, sc);
            CircleRenderer.paintMoving(g, W, H, sc);
        }));
        assertFalse(
                CircleRenderer.sameStill(
                        sc,
                        scene(t, t.snapshot(2), CircleScene.Options.defaults().withPlane(plane))),
                "the learned plane moves with every snapshot");
    }

    @Test
    void thousandsOfNeuronsAreDrawnAsADensityThatHoldsEveryNeuronsWeight() {
        CircleScene.Options auto = CircleScene.Options.defaults();
        assertTrue(!auto.density(4095) && auto.density(4096), "AUTO switches at 4,096 neurons");
        assertTrue(!auto.withNeurons(CircleScene.NeuronView.DOTS).density(100_000));
        assertTrue(auto.withNeurons(CircleScene.NeuronView.DENSITY).density(8));
        Trainer t = trainer(300);
        Snapshot s = t.snapshot(1);
        double[][] bins = NeuronDensity.bins(s, CircleLayout.Plane.DEFAULT);
        double positive = 0;
        double negative = 0;
        for (int j = 0; j < s.width(); j++) {
            if (s.a(j) > 0) {
                positive += CircleLayout.weight(s, j);
            } else {
                negative += CircleLayout.weight(s, j);
            }
        }
        double sumP = java.util.Arrays.stream(bins[0]).sum();
        double sumN = java.util.Arrays.stream(bins[1]).sum();
        org.junit.jupiter.api.Assertions.assertEquals(positive, sumP, 1e-9 * positive);
        org.junit.jupiter.api.Assertions.assertEquals(negative, sumN, 1e-9 * negative);
        // Each neuron lands in the bin of its angle.
        int j = 7;
        double angle = CircleLayout.Plane.DEFAULT.angle(s, j);
        int bin = Math.floorMod(
                (int) Math.floor((angle + Math.PI) / (2 * Math.PI / NeuronDensity.BINS)), NeuronDensity.BINS);
        assertTrue(bins[s.a(j) > 0 ? 0 : 1][bin] >= CircleLayout.weight(s, j));
        // Drawn as a density, the picture differs from the dots and is not blank.
        CircleScene dots = scene(t, s, auto.withNeurons(CircleScene.NeuronView.DOTS));
        CircleScene dense = scene(t, s, auto.withNeurons(CircleScene.NeuronView.DENSITY));
        int[] a = pixels(g -> CircleRenderer.paint(g, W, H, dots));
        int[] b = pixels(g -> CircleRenderer.paint(g, W, H, dense));
        assertTrue(!java.util.Arrays.equals(a, b));
    }

    /** Every text of an SVG drawing whose right end lies beyond {@code w}: "text [x, right]". */
    static java.util.List<String> textsPast(String svg, double w) {
        java.util.List<String> out = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile(
                        "<text x='([0-9.\\-]+)' y='[0-9.\\-]+' style='[^']*font-size: ([0-9.]+)px;( font-weight: bold;)?'>([^<]*)</text>")
                .matcher(svg);
        var frc = new java.awt.font.FontRenderContext(null, true, true);
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            java.awt.Font f = new java.awt.Font(
                    java.awt.Font.SANS_SERIF, m.group(3) != null ? java.awt.Font.BOLD : java.awt.Font.PLAIN, (int)
                            Math.round(Double.parseDouble(m.group(2))));
            String text = m.group(4).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
            double right = x + f.getStringBounds(text, frc).getWidth();
            if (right > w + 1) {
                out.add(text + " [" + Math.round(x) + ", " + Math.round(right) + "]");
            }
        }
        return out;
    }

    @Test
    void captionAndLegendStayInsideANarrowViewInBothTextSizes() {
        Trainer t = trainer(40);
        String caption = "neural collapse · m = 64 · step 8,000 · τ = 4000 · rotation 36.93° (mean) · max-margin"
                + " alignment 0.9966";
        for (boolean large : new boolean[] {false, true}) {
            for (int w : new int[] {300, 420, 640}) {
                CircleScene sc = new CircleScene(
                        t.snapshot(1),
                        t.data().train(),
                        null,
                        null,
                        null,
                        CircleScene.Options.defaults().withLargeText(large),
                        caption);
                String svg = Figures.svg(w, 700, Figures.circle(sc, w, 700));
                assertTrue(svg.contains("<text"), "the drawing has text");
                assertTrue(textsPast(svg, w).isEmpty(), w + " wide, large " + large + ": " + textsPast(svg, w));
            }
        }
    }
}
