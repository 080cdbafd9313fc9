package lowrot.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Breaks a text into lines no wider than a given room: greedily at a separator (" · " between a caption's
 * parts, or a space), then a piece still too wide at its spaces; a single word wider than the room stays whole.
 * The circle view's caption and note and the charts' legend labels break this way.
 */
final class TextLines {
    private TextLines() {}

    /** The lines of {@code text}, measured by {@code width}, broken at {@code sep} and then at spaces. */
    static List<String> of(String text, String sep, ToDoubleFunction<String> width, double room) {
        List<String> out = new ArrayList<>();
        String line = null;
        for (String piece : text.split(Pattern.quote(sep))) {
            String candidate = line == null ? piece : line + sep + piece;
            if (line != null && width.applyAsDouble(candidate) > room) {
                out.add(line);
                line = piece;
            } else {
                line = candidate;
            }
        }
        out.add(line == null ? "" : line);
        if (sep.equals(" ")) {
            return out;
        }
        List<String> fitted = new ArrayList<>();
        for (String l : out) {
            fitted.addAll(width.applyAsDouble(l) > room ? of(l, " ", width, room) : List.of(l));
        }
        return fitted;
    }
}
