package lowrot.core.margin;

/** The tangent-kernel margin of the network at one moment: bounds at a step and GF time. */
public record TangentPoint(long step, double time, double lower, double upper) implements MarginBounds {}
