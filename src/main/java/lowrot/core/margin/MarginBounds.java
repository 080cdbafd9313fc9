package lowrot.core.margin;

/**
 * A margin known only between two proven bounds — what every reference solver returns. How each bound is
 * proven is said by the implementing result.
 */
public interface MarginBounds {
    /** A proven lower bound. */
    double lower();

    /** A proven upper bound (+∞ when none was proven). */
    double upper();

    /** upper − lower. */
    default double gap() {
        return upper() - lower();
    }

    /** The midpoint, for a line on a chart. */
    default double value() {
        return 0.5 * (lower() + upper());
    }
}
