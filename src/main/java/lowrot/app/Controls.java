package lowrot.app;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;
import javafx.util.StringConverter;

/** Small helpers the panels share. */
final class Controls {
    private Controls() {
    }

    /** Shows each value by {@code name} in a combo box, and reads it back. */
    static <E> StringConverter<E> labelled(Function<E, String> name, E[] values) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : name.apply(e);
            }

            @Override
            public E fromString(String s) {
                for (E e : values) {
                    if (name.apply(e).equals(s)) {
                        return e;
                    }
                }
                return null;
            }
        };
    }

    /** A section of the control panel that does not animate when opened or closed. */
    static TitledPane titled(String title, Node content) {
        TitledPane pane = new TitledPane(title, content);
        pane.setAnimated(false);
        return pane;
    }
}
