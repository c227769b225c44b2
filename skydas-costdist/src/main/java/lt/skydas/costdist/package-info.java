/**
 * Exact cost-distance (shortest-time) engine over a raster combined with an explicit graph.
 *
 * <ul>
 *   <li>{@link lt.skydas.costdist.CostGrid}: frictions, entry penalties, 8/16-neighbour moves
 *       (GRASS r.cost move model);
 *   <li>{@link lt.skydas.costdist.EdgeGraph}: explicit edges in CSR form with swappable costs;
 *   <li>{@link lt.skydas.costdist.Query}: sources, initial costs, cutoff, targets, strategy;
 *   <li>{@link lt.skydas.costdist.CostDistanceSearch}: the reusable, one-per-thread search.
 * </ul>
 *
 * <p>This package depends on nothing but {@code java.base}. See {@code package.md} in the module
 * for the model, contracts, complexity and the queue choice.
 */
package lt.skydas.costdist;
