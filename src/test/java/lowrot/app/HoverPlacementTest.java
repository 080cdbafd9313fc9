package lowrot.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The neuron hover label stays inside the circle view, flipping left or up near the edges. */
class HoverPlacementTest {
    @Test
    void theLabelFlipsAtTheRightAndBottomEdges() {
        assertArrayEquals(new double[] {114, 60}, CircleInteraction.within(100, 50, 150, 90, 600, 500), 0.0);
        // Near the right edge: to the left of the pointer.
        assertArrayEquals(new double[] {586 - 14 - 150, 60}, CircleInteraction.within(586, 50, 150, 90, 600, 500), 0.0);
        // Near the bottom-right corner: left and above.
        assertArrayEquals(
                new double[] {436, 480 - 10 - 90}, CircleInteraction.within(600, 480, 150, 90, 600, 500), 0.0);
        for (double x = 0; x <= 600; x += 37) {
            for (double y = 0; y <= 500; y += 29) {
                double[] p = CircleInteraction.within(x, y, 150, 90, 600, 500);
                assertTrue(p[0] >= 0 && p[0] + 150 <= 600 && p[1] >= 0 && p[1] + 90 <= 500, x + ", " + y);
            }
        }
    }
}
