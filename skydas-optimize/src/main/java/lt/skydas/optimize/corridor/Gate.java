package lt.skydas.optimize.corridor;

import lt.skydas.optimize.model.GateGraph;

/**
 * Where a candidate site meets the movement network: the cells a line or area obstacle there would
 * delay ({@link GateGraph#CELL_GATE}), or the road edges it would cut ({@link
 * GateGraph#ROAD_GATE}). Arrays are sorted and must not be modified.
 *
 * @param site site index
 * @param kind gate kind
 * @param nodes cell ids (cell gate) or network edge ids (road gate)
 * @param x_m centre, LKS-94
 * @param y_m centre, LKS-94
 * @param radius_m distance from the centre to the farthest member
 */
public record Gate(int site, byte kind, int[] nodes, double x_m, double y_m, double radius_m) {}
