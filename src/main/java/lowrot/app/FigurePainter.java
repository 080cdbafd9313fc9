package lowrot.app;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import lowrot.render.ChartOptions;
import lowrot.render.ChartSet;
import lowrot.render.CircleRenderer;
import lowrot.render.CircleScene;

/**
 * Draws the circle view and the charts on its own thread into bitmaps, so the FX thread only
 * copies finished pixels (a few milliseconds) however many neurons there are. Requests are latest
 * wins; each view has at most one finished frame waiting for the FX thread, and a new one is drawn
 * only after the FX thread has taken the last, so the bitmap being copied is never drawn into.
 * The charts ({@link ChartSet}) live on this thread alone.
 */
final class FigurePainter {
    /** The longest pause between two frames of one kind, whatever the last frame cost. */
    private static final long MAX_PAUSE_NANOS = 500_000_000L;
    /** The circle view as it should look, at w × h logical pixels times {@code scale}. */
    record CircleRequest(CircleScene scene, int w, int h, double scale) {}

    /** The charts' data (immutable copies) and each panel's size. */
    record ChartRequest(ChartInputs inputs, Map<ChartSet.Panel, int[]> sizes, double scale, long runId) {}

    /** A finished circle bitmap. */
    record CircleFrame(CircleRequest request, BufferedImage image) {}

    /** Finished chart bitmaps, and how many margin points the margin chart holds. */
    record ChartFrame(ChartRequest request, Map<ChartSet.Panel, BufferedImage> images, int marginPoints) {}

    private final Object lock = new Object();
    private final Consumer<CircleFrame> circleSink;
    private final Consumer<ChartFrame> chartSink;
    private final Executor fx;
    private final Thread thread;
    // Guarded by lock.
    private CircleRequest circleWanted;
    private ChartRequest chartsWanted;
    private boolean circleWaiting;
    private boolean chartsWaiting;
    private boolean closed;
    private long circleNotBefore;
    private long chartsNotBefore;
    private final Consumer<String> failures;
    private final Runnable threadStart;
    // Painter thread only.
    private final ChartSet charts = new ChartSet(ChartOptions.defaults());
    private final Map<ChartSet.Panel, BufferedImage> chartImages = new EnumMap<>(ChartSet.Panel.class);
    private BufferedImage circleImage;
    // The still layer of the circle (axes, data, initial marks …), redrawn only when it changes.
    private BufferedImage still;
    private CircleRequest stillFor;

    /**
     * Starts the painter; the sinks are called by tasks run on {@code fx} (the FX thread in the window), and
     * so is {@code failures} with the message of a drawing that failed (the next request draws afresh);
     * the painter thread runs {@code threadStart} first.
     */
    FigurePainter(
            Executor fx,
            Consumer<CircleFrame> circleSink,
            Consumer<ChartFrame> chartSink,
            Consumer<String> failures,
            Runnable threadStart) {
        this.fx = fx;
        this.threadStart = threadStart;
        this.failures = failures;
        charts.setNoDataMessage("no training steps yet: press Play (Space) or Step (→)");
        this.circleSink = circleSink;
        this.chartSink = chartSink;
        thread = new Thread(this::loop, "lowrot-painter");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    void paintCircle(CircleRequest request) {
        synchronized (lock) {
            circleWanted = request;
            lock.notifyAll();
        }
    }

    void paintCharts(ChartRequest request) {
        synchronized (lock) {
            chartsWanted = request;
            lock.notifyAll();
        }
    }

    void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private void loop() {
        threadStart.run();
        try {
            while (true) {
                CircleRequest circle = null;
                ChartRequest chart = null;
                synchronized (lock) {
                    while (true) {
                        if (closed) {
                            return;
                        }
                        long now = System.nanoTime();
                        boolean circleReady = circleWanted != null && !circleWaiting && now >= circleNotBefore;
                        boolean chartsReady = chartsWanted != null && !chartsWaiting && now >= chartsNotBefore;
                        if (circleReady || chartsReady) {
                            if (circleReady) {
                                circle = circleWanted;
                                circleWanted = null;
                                circleWaiting = true;
                            }
                            if (chartsReady) {
                                chart = chartsWanted;
                                chartsWanted = null;
                                chartsWaiting = true;
                            }
                            break;
                        }
                        long wait = Long.MAX_VALUE;
                        if (circleWanted != null && !circleWaiting) {
                            wait = Math.min(wait, circleNotBefore - now);
                        }
                        if (chartsWanted != null && !chartsWaiting) {
                            wait = Math.min(wait, chartsNotBefore - now);
                        }
                        if (wait == Long.MAX_VALUE) {
                            lock.wait();
                        } else {
                            lock.wait(Math.max(1, wait / 1_000_000), 0);
                        }
                    }
                }
                // Pacing: the painter spends at most an eighth of a core on the circle and a tenth on
                // the charts, however many neurons or points there are (latest request wins meanwhile).
                // The pause is capped: the first frames are slow while classes load and code warms up,
                // and ten times such a frame kept the charts empty for many seconds after Play.
                if (circle != null) {
                    long t0 = System.nanoTime();
                    deliverCircle(circle);
                    circleNotBefore = t0 + Math.min(8 * (System.nanoTime() - t0), MAX_PAUSE_NANOS);
                }
                if (chart != null) {
                    long t0 = System.nanoTime();
                    deliverCharts(chart);
                    chartsNotBefore = t0 + Math.min(10 * (System.nanoTime() - t0), MAX_PAUSE_NANOS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliverCircle(CircleRequest r) {
        CircleFrame frame;
        try {
            circleImage = reuse(circleImage, r.w(), r.h(), r.scale());
            CircleScene scene = r.scene();
            if (CircleRenderer.stillIsCacheable(scene)) {
                if (stillFor == null
                        || stillFor.w() != r.w()
                        || stillFor.h() != r.h()
                        || stillFor.scale() != r.scale()
                        || !CircleRenderer.sameStill(stillFor.scene(), scene)) {
                    still = reuse(still, r.w(), r.h(), r.scale());
                    paint(still, r.scale(), g -> CircleRenderer.paintStill(g, r.w(), r.h(), scene));
                    stillFor = r;
                }
                BufferedImage base = still;
                paint(circleImage, 1, g -> {
                    g.drawImage(base, 0, 0, null);
                    g.scale(r.scale(), r.scale());
                    CircleRenderer.paintMoving(g, r.w(), r.h(), scene, true);
                });
            } else {
                paint(circleImage, r.scale(), g -> CircleRenderer.paint(g, r.w(), r.h(), scene));
            }
            frame = new CircleFrame(r, circleImage);
        } catch (RuntimeException e) {
            circleImage = null;
            stillFor = null;
            failed("the circle view", e, true);
            return;
        }
        handOver(circleSink, frame, true);
    }

    private void deliverCharts(ChartRequest r) {
        ChartFrame frame;
        try {
            if (!charts.options().equals(r.inputs().options())) {
                charts.setOptions(r.inputs().options());
            }
            r.inputs().fill(charts);
            Map<ChartSet.Panel, BufferedImage> images = new EnumMap<>(ChartSet.Panel.class);
            for (var e : r.sizes().entrySet()) {
                int w = e.getValue()[0];
                int h = e.getValue()[1];
                BufferedImage image = reuse(chartImages.get(e.getKey()), w, h, r.scale());
                chartImages.put(e.getKey(), image);
                var chart = charts.chart(e.getKey());
                paint(
                        image,
                        r.scale(),
                        g -> lowrot.render.LegendFit.draw(chart, g, new Rectangle2D.Double(0, 0, w, h)));
                images.put(e.getKey(), image);
            }
            int marginPoints = charts.chart(ChartSet.Panel.MARGIN)
                    .getXYPlot()
                    .getDataset(0)
                    .getItemCount(0);
            frame = new ChartFrame(r, images, marginPoints);
        } catch (RuntimeException e) {
            chartImages.clear();
            failed("the charts", e, false);
            return;
        }
        handOver(chartSink, frame, false);
    }

    /** Hands a finished frame to its sink on the FX executor; the next frame of its kind may start once it is taken. */
    private <F> void handOver(Consumer<F> sink, F frame, boolean circle) {
        fx.execute(() -> {
            try {
                sink.accept(frame);
            } finally {
                release(circle);
            }
        });
    }

    /** A drawing failure must not stop the painter: it is reported, and the next request draws afresh. */
    private void failed(String what, RuntimeException e, boolean circle) {
        release(circle);
        fx.execute(() -> failures.accept("drawing " + what + " failed: " + e));
    }

    private void release(boolean circle) {
        synchronized (lock) {
            if (circle) {
                circleWaiting = false;
            } else {
                chartsWaiting = false;
            }
            lock.notifyAll();
        }
    }

    private static BufferedImage reuse(BufferedImage image, int w, int h, double scale) {
        int pw = Math.max(1, (int) Math.round(w * scale));
        int ph = Math.max(1, (int) Math.round(h * scale));
        if (image != null && image.getWidth() == pw && image.getHeight() == ph) {
            return image;
        }
        return new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
    }

    private static void paint(BufferedImage image, double scale, Consumer<Graphics2D> painter) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(scale, scale);
            painter.accept(g);
        } finally {
            g.dispose();
        }
    }
}
