/**
 * The data sets: {@link lowrot.core.data.DataSpec} (what a config asks for), {@link lowrot.core.data.Datasets} (the
 * generators: quadrants, neural-collapse groups, 2-sparse parity, random labels, points), and the immutable
 * {@link lowrot.core.data.Dataset} with its train/test {@link lowrot.core.data.DataSplit}.
 */
package lowrot.core.data;
