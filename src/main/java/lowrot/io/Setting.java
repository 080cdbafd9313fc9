package lowrot.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import lowrot.core.data.DataSpec;
import lowrot.core.data.DatasetKind;
import lowrot.core.model.InnerScale;
import lowrot.core.model.Loss;
import lowrot.core.model.NetworkSpec;
import lowrot.core.model.Optimizer;
import lowrot.core.model.OuterInit;
import lowrot.core.model.OutputScale;
import lowrot.core.model.Regime;
import lowrot.core.model.TrainSpec;

/**
 * One field of the configuration file: its dotted path, type, description, and how to read and
 * write it. {@link #ALL} is the whole schema; the file reader, the writer, {@code --set} and the
 * schema documentation all walk this one table.
 */
public final class Setting {
    /** Value types of the schema. */
    public enum Type {
        INT("whole number"),
        LONG("whole number"),
        DOUBLE("number"),
        BOOLEAN("true or false"),
        ENUM("name"),
        INT_LIST("list of whole numbers"),
        STRING("text");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String path;
    private final Type type;
    private final Class<? extends Enum<?>> enumType;
    private final String description;
    private final Function<LabConfig, Object> getter;
    private final BiFunction<LabConfig, Object, LabConfig> setter;

    private Setting(
            String path,
            Type type,
            Class<? extends Enum<?>> enumType,
            String description,
            Function<LabConfig, Object> getter,
            BiFunction<LabConfig, Object, LabConfig> setter) {
        this.path = path;
        this.type = type;
        this.enumType = enumType;
        this.description = description;
        this.getter = getter;
        this.setter = setter;
    }

    public String path() {
        return path;
    }

    public Type type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The section (first part of the path). */
    public String section() {
        return path.substring(0, path.indexOf('.'));
    }

    /** The key inside the section. */
    public String key() {
        return path.substring(path.indexOf('.') + 1);
    }

    /** The allowed names, for an enum setting. */
    public List<String> names() {
        if (enumType == null) {
            return List.of();
        }
        return Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
    }

    public Object get(LabConfig c) {
        return getter.apply(c);
    }

    public LabConfig set(LabConfig c, Object value) {
        return setter.apply(c, value);
    }

    /** Converts text (from {@code --set} or a GUI field) to this setting's type. */
    public Object parse(String text) throws ConfigException {
        String t = text.trim();
        try {
            return switch (type) {
                case INT -> Integer.parseInt(t);
                case LONG -> Long.parseLong(t);
                case DOUBLE -> finite(Double.parseDouble(t), text);
                case BOOLEAN -> {
                    if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                        throw new NumberFormatException();
                    }
                    yield Boolean.parseBoolean(t);
                }
                case ENUM -> enumValue(t);
                case INT_LIST -> {
                    List<Integer> out = new ArrayList<>();
                    for (String part : t.replace("[", "").replace("]", "").split(",")) {
                        if (!part.isBlank()) {
                            out.add(Integer.parseInt(part.trim()));
                        }
                    }
                    yield out;
                }
                case STRING -> t.isEmpty() ? null : t;
            };
        } catch (NumberFormatException e) {
            throw new ConfigException(path + " = \"" + text + "\": expected a " + type.label()
                    + (type == Type.ENUM ? " (one of " + String.join(", ", names()) + ")" : ""));
        }
    }

    private double finite(double v, String text) {
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(text);
        }
        return v;
    }

    Object enumValue(String name) {
        for (Enum<?> e : enumType.getEnumConstants()) {
            if (e.name().equals(name)
                    || e.name().equals(name.toUpperCase(Locale.ROOT).replace('-', '_'))) {
                return e;
            }
        }
        throw new NumberFormatException(name);
    }

    /** Finds a setting by its dotted path, or null. */
    public static Setting find(String path) {
        for (Setting s : ALL) {
            if (s.path.equals(path)) {
                return s;
            }
        }
        return null;
    }

    private static Setting of(
            String path,
            Type type,
            String description,
            Function<LabConfig, Object> get,
            BiFunction<LabConfig, Object, LabConfig> set) {
        return new Setting(path, type, null, description, get, set);
    }

    private static Setting ofEnum(
            String path,
            Class<? extends Enum<?>> e,
            String description,
            Function<LabConfig, Object> get,
            BiFunction<LabConfig, Object, LabConfig> set) {
        return new Setting(path, Type.ENUM, e, description, get, set);
    }

    private static LabConfig data(LabConfig c, Function<DataSpec, DataSpec> f) {
        return c.withRun(c.run().withDataset(f.apply(c.run().dataset())));
    }

    private static LabConfig net(LabConfig c, Function<NetworkSpec, NetworkSpec> f) {
        return c.withRun(c.run().withNetwork(f.apply(c.run().network())));
    }

    private static LabConfig train(LabConfig c, Function<TrainSpec, TrainSpec> f) {
        return c.withRun(c.run().withTraining(f.apply(c.run().training())));
    }

    private static DataSpec ds(LabConfig c) {
        return c.run().dataset();
    }

    private static NetworkSpec ns(LabConfig c) {
        return c.run().network();
    }

    private static TrainSpec ts(LabConfig c) {
        return c.run().training();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> ints(Object v) {
        return (List<Integer>) v;
    }

    /** The whole schema, in file order. */
    public static final List<Setting> ALL = List.of(
            of(
                    "seeds.data",
                    Type.LONG,
                    "seed of the training points, test points and label noise",
                    c -> c.run().dataSeed(),
                    (c, v) -> c.withRun(c.run().withSeeds((Long) v, c.run().initSeed()))),
            of(
                    "seeds.init",
                    Type.LONG,
                    "seed of the initial weights and of SGD's mini-batches",
                    c -> c.run().initSeed(),
                    (c, v) -> c.withRun(c.run().withSeeds(c.run().dataSeed(), (Long) v))),
            ofEnum(
                    "dataset.kind",
                    DatasetKind.class,
                    "family of the data set",
                    c -> ds(c).kind(),
                    (c, v) -> data(c, d -> d.withKind((DatasetKind) v))),
            of(
                    "dataset.d",
                    Type.INT,
                    "input dimension (2 for the planar kinds), 2 to 4096",
                    c -> ds(c).d(),
                    (c, v) -> data(c, d -> d.withD((Integer) v))),
            of(
                    "dataset.n",
                    Type.INT,
                    "training points, 1 to 1000000",
                    c -> ds(c).n(),
                    (c, v) -> data(c, d -> d.withN((Integer) v))),
            of(
                    "dataset.nTest",
                    Type.INT,
                    "test points, 0 to 1000000",
                    c -> ds(c).nTest(),
                    (c, v) -> data(c, d -> d.withNTest((Integer) v))),
            of(
                    "dataset.labelNoise",
                    Type.DOUBLE,
                    "probability of flipping a training label, 0 to 0.5",
                    c -> ds(c).labelNoise(),
                    (c, v) -> data(c, d -> d.withLabelNoise((Double) v))),
            of(
                    "dataset.groups",
                    Type.INT,
                    "neural collapse: number of groups r (at most d when d > 2)",
                    c -> ds(c).groups(),
                    (c, v) -> data(c, d -> d.withGroups((Integer) v))),
            of(
                    "dataset.spread",
                    Type.DOUBLE,
                    "neural collapse: group radius ρ, 0 to 1; rings: radial jitter, 0 to 0.3",
                    c -> ds(c).spread(),
                    (c, v) -> data(c, d -> d.withSpread((Double) v))),
            of(
                    "dataset.groupLabels",
                    Type.INT_LIST,
                    "neural collapse: label (1 or -1) of each group; empty = alternating",
                    c -> ds(c).groupLabels(),
                    (c, v) -> data(c, d -> d.withGroupLabels(ints(v)))),
            of(
                    "dataset.gapDegrees",
                    Type.DOUBLE,
                    "quadrants and sectors: angular gap at label boundaries, degrees",
                    c -> ds(c).gapDegrees(),
                    (c, v) -> data(c, d -> d.withGapDegrees((Double) v))),
            of(
                    "dataset.sectors",
                    Type.INT,
                    "sectors: number k of alternating sectors, 2 to 64",
                    c -> ds(c).sectors(),
                    (c, v) -> data(c, d -> d.withSectors((Integer) v))),
            of(
                    "dataset.margin",
                    Type.DOUBLE,
                    "half-plane: least |cos| between a point and the normal, 0 to 0.99",
                    c -> ds(c).margin(),
                    (c, v) -> data(c, d -> d.withMargin((Double) v))),
            of(
                    "dataset.normalDegrees",
                    Type.DOUBLE,
                    "half-plane: angle of the normal, degrees",
                    c -> ds(c).normalDegrees(),
                    (c, v) -> data(c, d -> d.withNormalDegrees((Double) v))),
            of(
                    "dataset.radiusMin",
                    Type.DOUBLE,
                    "planar kinds: radii are uniform in [radiusMin, 1]",
                    c -> ds(c).radiusMin(),
                    (c, v) -> data(c, d -> d.withRadiusMin((Double) v))),
            of(
                    "dataset.bias",
                    Type.DOUBLE,
                    "constant coordinate c appended to x (0 = none), then x / √(1 + c²)",
                    c -> ds(c).bias(),
                    (c, v) -> data(c, d -> d.withBias((Double) v))),
            of(
                    "dataset.csv",
                    Type.STRING,
                    "kind POINTS: CSV file x1,…,xd,y (relative to the config file)",
                    LabConfig::csv,
                    (c, v) -> c.withCsv((String) v)),
            of(
                    "network.width",
                    Type.INT,
                    "width m, 1 to 1048576",
                    c -> ns(c).width(),
                    (c, v) -> net(c, n -> n.withWidth((Integer) v))),
            ofEnum(
                    "network.outputScale",
                    OutputScale.class,
                    "output scale s",
                    c -> ns(c).outputScale(),
                    (c, v) -> net(c, n -> n.withOutputScale((OutputScale) v))),
            ofEnum(
                    "network.outerInit",
                    OuterInit.class,
                    "initial outer weights",
                    c -> ns(c).outerInit(),
                    (c, v) -> net(c, n -> n.withOuterInit((OuterInit) v))),
            ofEnum(
                    "network.innerScale",
                    InnerScale.class,
                    "σ_v of the initial inner weights",
                    c -> ns(c).innerScale(),
                    (c, v) -> net(c, n -> n.withInnerScale((InnerScale) v))),
            of(
                    "network.initScale",
                    Type.DOUBLE,
                    "init scale α multiplying both layers, above 0 to 1000",
                    c -> ns(c).initScale(),
                    (c, v) -> net(c, n -> n.withInitScale((Double) v))),
            of(
                    "network.symmetricPairs",
                    Type.BOOLEAN,
                    "neurons j and j + m/2 cancel, so f = 0 at the start",
                    c -> ns(c).symmetricPairs(),
                    (c, v) -> net(c, n -> n.withSymmetricPairs((Boolean) v))),
            ofEnum(
                    "training.regime",
                    Regime.class,
                    "which weights may rotate",
                    c -> ts(c).regime(),
                    (c, v) -> train(c, t -> t.withRegime((Regime) v))),
            ofEnum(
                    "training.loss",
                    Loss.class,
                    "loss ℓ",
                    c -> ts(c).loss(),
                    (c, v) -> train(c, t -> t.withLoss((Loss) v))),
            ofEnum(
                    "training.optimizer",
                    Optimizer.class,
                    "how the gradient flow is followed",
                    c -> ts(c).optimizer(),
                    (c, v) -> train(c, t -> t.withOptimizer((Optimizer) v))),
            of(
                    "training.stepSize",
                    Type.DOUBLE,
                    "step size η, above 0 to 1000000",
                    c -> ts(c).stepSize(),
                    (c, v) -> train(c, t -> t.withStepSize((Double) v))),
            of(
                    "training.batchSize",
                    Type.INT,
                    "SGD: examples per step, 1 to n",
                    c -> ts(c).batchSize(),
                    (c, v) -> train(c, t -> t.withBatchSize((Integer) v))),
            of(
                    "training.outerTrainable",
                    Type.BOOLEAN,
                    "whether the outer weights a_j train",
                    c -> ts(c).outerTrainable(),
                    (c, v) -> train(c, t -> t.withOuterTrainable((Boolean) v))),
            of(
                    "run.steps",
                    Type.LONG,
                    "steps to train (command line); where the window pauses (0: no step target); 0 to 1e9",
                    LabConfig::steps,
                    (c, v) -> c.withSteps((Long) v)),
            of(
                    "run.every",
                    Type.INT,
                    "command line: record a snapshot every this many steps",
                    LabConfig::every,
                    (c, v) -> c.withEvery((Integer) v)),
            of(
                    "references.ntkDirections",
                    Type.INT,
                    "M, sampled directions of the NTK margin, 16 to 262144",
                    LabConfig::ntkDirections,
                    (c, v) -> c.withNtkDirections((Integer) v)),
            of(
                    "references.ntkTolerance",
                    Type.DOUBLE,
                    "gap at which the NTK solver stops",
                    LabConfig::ntkTolerance,
                    (c, v) -> c.withNtkTolerance((Double) v)),
            of(
                    "references.globalTolerance",
                    Type.DOUBLE,
                    "relative gap at which the global-margin solver stops",
                    LabConfig::globalTolerance,
                    (c, v) -> c.withGlobalTolerance((Double) v)),
            of(
                    "references.globalRounds",
                    Type.INT,
                    "rounds of the global-margin solver, at most; 1 to 100000",
                    LabConfig::globalRounds,
                    (c, v) -> c.withGlobalRounds((Integer) v)),
            of(
                    "references.globalNodes",
                    Type.INT,
                    "branch-and-bound nodes per global-margin certificate (d > 2), at most; 1 to 1e8",
                    LabConfig::globalNodes,
                    (c, v) -> c.withGlobalNodes((Integer) v)));

    /** The section names, in file order. */
    public static List<String> sections() {
        List<String> out = new ArrayList<>();
        for (Setting s : ALL) {
            if (!out.contains(s.section())) {
                out.add(s.section());
            }
        }
        return out;
    }
}
