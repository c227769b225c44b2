/**
 * The optimiser's graph kernel: one compact graph and one primitive heap that every search of
 * {@code model}, {@code solve} and {@code interdiction} runs on, so a fix lands once.
 *
 * <ul>
 *   <li>{@link lt.skydas.optimize.graph.CsrGraph}: a directed graph in CSR form, frozen after its
 *       builder sorts the arcs by tail (stable); owners keep arc attributes in parallel arrays;
 *   <li>{@link lt.skydas.optimize.graph.IndexedMinHeap}: an indexed binary min-heap of int items
 *       with {@code double} keys (decrease-key; lazy searches use it with one item per push);
 *   <li>{@link lt.skydas.optimize.graph.Dijkstra}: one-to-all distances (potentials, reach).
 * </ul>
 *
 * <p>Tested by {@code CsrGraphTest} (builder, reverse, Dijkstra against Bellman–Ford) and {@code
 * IndexedMinHeapTest} (random operation sequences against {@link java.util.PriorityQueue}); the
 * searches built on it keep their own differential tests ({@code InterdictionTest}, {@code
 * PlanEvaluatorTest}, the brute-force comparisons of {@code CoveringInterdictionTest}). This
 * package depends on nothing but {@code java.base}.
 */
package lt.skydas.optimize.graph;
