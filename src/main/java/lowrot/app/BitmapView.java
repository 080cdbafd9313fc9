package lowrot.app;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;

/**
 * A resizable view that shows bitmaps drawn elsewhere ({@link FigurePainter}): the FX thread only
 * copies the finished pixels into the image it shows.
 */
final class BitmapView extends Pane {
    private final ImageView view = new ImageView();
    /** Drawn over the bitmap: the outline of the figure the tour points at (lowrot.css, ".tour-focus > .outline"). */
    private final javafx.scene.layout.Region outline = new javafx.scene.layout.Region();

    private WritableImage image;

    BitmapView() {
        view.setSmooth(true);
        view.setMouseTransparent(true);
        view.setManaged(false);
        outline.getStyleClass().add("outline");
        outline.setMouseTransparent(true);
        outline.setManaged(false);
        getChildren().addAll(view, outline);
    }

    @Override
    protected void layoutChildren() {
        outline.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /** Logical width in whole pixels (at least 1). */
    int logicalWidth() {
        return Math.max(1, (int) Math.floor(getWidth()));
    }

    /** Logical height in whole pixels (at least 1). */
    int logicalHeight() {
        return Math.max(1, (int) Math.floor(getHeight()));
    }

    /** Shows a bitmap drawn for w × h logical pixels (TYPE_INT_ARGB_PRE, any scale). */
    void show(BufferedImage bitmap, int w, int h) {
        int pw = bitmap.getWidth();
        int ph = bitmap.getHeight();
        if (image == null || (int) image.getWidth() != pw || (int) image.getHeight() != ph) {
            image = new WritableImage(pw, ph);
            view.setImage(image);
        }
        int[] pixels = ((DataBufferInt) bitmap.getRaster().getDataBuffer()).getData();
        image.getPixelWriter().setPixels(0, 0, pw, ph, PixelFormat.getIntArgbPreInstance(), pixels, 0, pw);
        view.setFitWidth(w);
        view.setFitHeight(h);
    }
}
