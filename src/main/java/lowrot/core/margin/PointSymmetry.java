package lowrot.core.margin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The symmetries of a labelled point set that the pricing search can use, found from the data: the sign flips of
 * single coordinates and the transpositions of two coordinates that map the set of distinct (x, y) pairs onto
 * itself, labels kept, and the group G they generate.
 *
 * <p><b>Why the search may be cut down.</b> Let q be constant on the G-orbits of the points. For g ∈ G (an orthogonal
 * signed permutation matrix that permutes the labelled points), h_q(g u) = Σ_i q_i y_i σ(u · gᵀx_i) = h_q(u), since
 * gᵀ = g⁻¹ ∈ G only renames the points within their orbits. So max |h_q| over the sphere is its maximum over any set
 * that meets every orbit of G on the sphere. The cone K = {u : u_k ≥ 0 for every flippable k, u_a ≥ u_b for
 * consecutive a &lt; b of each class of interchangeable coordinates} is such a set: flip every flippable coordinate
 * of u to be ≥ 0, then sort each class in decreasing order (a class holds either only flippable coordinates or none:
 * if (a b) and the flip of a are symmetries, so is the flip of b, their conjugate). And for any q on the simplex,
 * the orbit average q̄ gives max |h_q̄| ≤ max |h_q| (h is linear in q and |·| convex), so the bound proven for q̄
 * is at least as good a certificate as one for q.
 */
final class PointSymmetry {
    /** Orbit number of each distinct point (0 … orbits − 1, numbered in order of first point). */
    private final int[] orbit;

    private final int orbits;
    /** Vectors g_l with g_l · u ≥ 0 on the cone K (empty: no symmetry, K is everything). */
    private final List<double[]> cone;

    private final String description;
    /** The generators found: {k, −1} flips coordinate k, {a, b} swaps coordinates a and b. */
    private final List<int[]> generators;

    private PointSymmetry(int[] orbit, int orbits, List<double[]> cone, String description, List<int[]> generators) {
        this.orbit = orbit;
        this.orbits = orbits;
        this.cone = cone;
        this.description = description;
        this.generators = generators;
    }

    /** The symmetries of the points' single-coordinate flips and coordinate transpositions. */
    static PointSymmetry of(MarginPoints points) {
        int n = points.n;
        int d = points.d;
        Map<List<Double>, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(key(points, i, -1, -1, -1), i);
        }
        UnionFind pointOrbits = new UnionFind(n);
        boolean[] flippable = new boolean[d];
        List<int[]> generators = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            int[] image = image(points, index, k, -1, -1);
            if (image != null) {
                flippable[k] = true;
                generators.add(new int[] {k, -1});
                join(pointOrbits, image);
            }
        }
        UnionFind classes = new UnionFind(d);
        for (int a = 0; a < d; a++) {
            for (int b = a + 1; b < d; b++) {
                int[] image = image(points, index, -1, a, b);
                if (image != null) {
                    classes.union(a, b);
                    generators.add(new int[] {a, b});
                    join(pointOrbits, image);
                }
            }
        }
        int[] orbit = new int[n];
        int[] number = new int[n];
        Arrays.fill(number, -1);
        int orbits = 0;
        for (int i = 0; i < n; i++) {
            int root = pointOrbits.find(i);
            if (number[root] < 0) {
                number[root] = orbits++;
            }
            orbit[i] = number[root];
        }
        List<double[]> cone = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            if (flippable[k]) {
                double[] g = new double[d];
                g[k] = 1;
                cone.add(g);
            }
        }
        // Each class once, from its smallest coordinate (the union–find's root): u_a ≥ u_b for consecutive members.
        for (int a = 0; a < d; a++) {
            if (classes.find(a) != a) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            for (int b = a; b < d; b++) {
                if (classes.find(b) == a) {
                    members.add(b);
                }
            }
            for (int t = 0; t + 1 < members.size(); t++) {
                double[] g = new double[d];
                g[members.get(t)] = 1;
                g[members.get(t + 1)] = -1;
                cone.add(g);
            }
            if (members.size() > 1) {
                words.add("x"
                        + String.join(
                                ",",
                                members.stream().map(m -> String.valueOf(m + 1)).toList()) + " interchangeable");
            }
        }
        int flips = 0;
        for (boolean f : flippable) {
            flips += f ? 1 : 0;
        }
        if (flips > 0) {
            words.add(0, flips + " coordinate sign flip" + (flips == 1 ? "" : "s"));
        }
        return new PointSymmetry(orbit, orbits, cone, words.isEmpty() ? "none" : String.join("; ", words), generators);
    }

    /** True when no flip or transposition maps the points onto themselves. */
    boolean trivial() {
        return cone.isEmpty();
    }

    /** The cone's constraint vectors (g · u ≥ 0 on K); the caller must not modify them. */
    List<double[]> cone() {
        return cone;
    }

    /** Orbits of the distinct points. */
    int orbits() {
        return orbits;
    }

    /** What was found, in words ("6 coordinate sign flips; x1,x2 interchangeable; …" or "none"). */
    String description() {
        return description;
    }

    /**
     * q averaged over each orbit (sums in point order): still on the simplex, constant on orbits, and its pricing
     * maximum is at most q's.
     */
    double[] symmetrize(double[] q) {
        double[] sum = new double[orbits];
        int[] size = new int[orbits];
        for (int i = 0; i < q.length; i++) {
            sum[orbit[i]] += q[i];
            size[orbit[i]]++;
        }
        double[] out = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = sum[orbit[i]] / size[orbit[i]];
        }
        return out;
    }

    /**
     * The image g u (g ∈ G) with the largest {@code value}, among the first {@code cap} images in breadth-first order
     * from u over the generators (ties: the first found); u itself when there is no symmetry. A direction the cone
     * search finds for the averaged weights q̄ has h_q̄(u) = the mean of h_q over its images, so its best image does
     * at least as well for q itself: that is the column the program needs.
     */
    double[] bestImage(double[] u, java.util.function.ToDoubleFunction<double[]> value, int cap) {
        Map<List<Double>, Boolean> seen = new HashMap<>();
        java.util.ArrayDeque<double[]> queue = new java.util.ArrayDeque<>();
        queue.add(u);
        seen.put(asKey(u), Boolean.TRUE);
        double[] best = u;
        double bestValue = value.applyAsDouble(u);
        while (!queue.isEmpty()) {
            double[] v = queue.poll();
            for (int[] gen : generators) {
                if (seen.size() >= cap) {
                    return best;
                }
                double[] w = v.clone();
                if (gen[1] < 0) {
                    w[gen[0]] = -w[gen[0]];
                } else {
                    w[gen[0]] = v[gen[1]];
                    w[gen[1]] = v[gen[0]];
                }
                if (seen.putIfAbsent(asKey(w), Boolean.TRUE) == null) {
                    queue.add(w);
                    double x = value.applyAsDouble(w);
                    if (x > bestValue) {
                        best = w;
                        bestValue = x;
                    }
                }
            }
        }
        return best;
    }

    private static List<Double> asKey(double[] u) {
        List<Double> key = new ArrayList<>(u.length);
        for (double x : u) {
            key.add(x + 0.0);
        }
        return key;
    }

    /**
     * Where the map (flip coordinate {@code flip}, or swap coordinates a and b) sends each point, or null when some
     * image is not a point of the set with the same label.
     */
    private static int[] image(MarginPoints points, Map<List<Double>, Integer> index, int flip, int a, int b) {
        int[] image = new int[points.n];
        for (int i = 0; i < points.n; i++) {
            Integer j = index.get(key(points, i, flip, a, b));
            if (j == null) {
                return null;
            }
            image[i] = j;
        }
        return image;
    }

    /** The labelled point i after the map, as a key: exact doubles (sign changes and swaps are exact). */
    private static List<Double> key(MarginPoints points, int i, int flip, int a, int b) {
        int d = points.d;
        List<Double> key = new ArrayList<>(d + 1);
        for (int k = 0; k < d; k++) {
            int from = k == a ? b : k == b ? a : k;
            double v = points.xs[i * d + from];
            key.add((k == flip ? -v : v) + 0.0);
        }
        key.add(points.ys[i]);
        return key;
    }

    private static void join(UnionFind orbits, int[] image) {
        for (int i = 0; i < image.length; i++) {
            orbits.union(i, image[i]);
        }
    }

    /** Union–find with the smaller root kept, so that roots and numbering never depend on the order of unions. */
    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void union(int i, int j) {
            int p = find(i);
            int r = find(j);
            if (p != r) {
                parent[Math.max(p, r)] = Math.min(p, r);
            }
        }
    }
}
