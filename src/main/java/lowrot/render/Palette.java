package lowrot.render;

import java.awt.Color;

/** Colours shared by every figure (colour-blind safe: vermillion for +1, blue for −1). */
public final class Palette {
    public static final Color POSITIVE = new Color(0xD5, 0x5E, 0x00);
    public static final Color NEGATIVE = new Color(0x00, 0x72, 0xB2);
    public static final Color POSITIVE_LIGHT = new Color(0xF2, 0xB0, 0x80);
    public static final Color NEGATIVE_LIGHT = new Color(0x80, 0xB8, 0xDC);
    public static final Color INK = new Color(0x22, 0x22, 0x22);
    public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    public static final Color FAINT = new Color(0x99, 0x99, 0x99);
    public static final Color BACKGROUND = Color.WHITE;
    public static final Color MARGIN = new Color(0x22, 0x22, 0x22);
    public static final Color NTK = new Color(0x00, 0x9E, 0x73);
    public static final Color GLOBAL = new Color(0xCC, 0x79, 0xA7);
    public static final Color NO_ROTATION = new Color(0xE6, 0x9F, 0x00);
    public static final Color NO_ROTATION_LIGHT = new Color(0xF3, 0xCF, 0x80);
    public static final Color TANGENT = new Color(0x56, 0xB4, 0xE9);

    private Palette() {}

    /** The colour of a label or an outer-weight sign. */
    public static Color forSign(double sign) {
        return sign > 0 ? POSITIVE : NEGATIVE;
    }

    /** The same colour with the given opacity in [0, 1]. */
    public static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int)
                Math.round(255 * Math.max(0, Math.min(1, alpha))));
    }
}
