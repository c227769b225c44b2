package lt.skydas.costdist;

import java.util.Arrays;
import java.util.Objects;

/**
 * Exact multi-source one-to-all shortest-time search over a {@link CostGrid} (implicit 8- or
 * 16-neighbour moves) combined with an optional {@link EdgeGraph} (explicit edges, e.g. roads and
 * connectors), relaxed together in one Dijkstra-order search.
 *
 * <p><b>Nodes.</b> Ids {@code 0..W*H-1} are grid cells ({@code row * W + col}, row 0 = north); ids
 * {@code W*H..N-1} are extra nodes, where {@code N = edges.nodeCount()} (or {@code W*H} without
 * edges).
 *
 * <p><b>Results.</b> After {@link #run(Query)}, {@link #cost(int)} is the arrival cost of a node as
 * a {@code double} (sum of the initial source cost and the move/edge costs along a cheapest path,
 * accumulated left to right: {@code arrival[b] = arrival[a] + moveCost(a, b)}) and {@link
 * #predecessor(int)} the previous node on such a path (-1 for sources and unreached nodes).
 * Unreached nodes, nodes beyond the cutoff and nodes not settled before early termination report
 * {@code +Inf}. Costs are exact: bit-identical to a textbook binary-heap Dijkstra using the same
 * double arithmetic (no quantisation); only predecessors may differ between equal-cost paths.
 *
 * <p><b>Complexity.</b> Bucket strategy: O(N + E + D / delta) where D is the largest settled cost;
 * heap strategy: O((N + E) log N). The per-query reset only touches blocks of 512 nodes in which
 * the previous query labelled something, plus a scan of one byte per block (N / 512); {@link
 * #copyCosts(double[])} is O(N).
 *
 * <p><b>Queues.</b> See {@link QueueStrategy}: a Dinitz/Dial bucket queue when all move costs are
 * bounded away from zero (default), otherwise an exact 4-ary heap.
 *
 * <pre>{@code
 * CostDistanceSearch search = new CostDistanceSearch(new CostGrid(w, h, 10.0, friction), roads);
 * search.run(Query.from(start).withCutoff(3600));
 * double seconds = search.cost(goal);
 * int[] route = search.path(goal);
 * }</pre>
 *
 * <p><b>Layout.</b> Inside, each node's state is kept where {@link TileLayout} puts it: cells in 16
 * × 16 tiles, so that a cell's neighbours share a few cache lines (the search is bound by memory
 * latency on large grids). Each run first copies the grid's frictions and penalties into that
 * layout (O(cells)); ids in and out stay row-major. Results do not depend on the layout: moves are
 * relaxed in the same order either way.
 *
 * <p><b>Thread safety.</b> Not thread safe: a search holds mutable per-query state (about 13 bytes
 * per node, plus 4 or 8 per cell for the copied frictions and penalties) reused between runs. Use
 * one instance per thread; grids and graphs may be shared.
 */
public final class CostDistanceSearch {
  private static final double INF = Double.POSITIVE_INFINITY;

  // 8-neighbourhood: 0..3 orthogonal, 4..7 diagonal
  private static final int[] DR = {-1, 0, 0, 1, -1, -1, 1, 1};
  private static final int[] DC = {0, -1, 1, 0, -1, 1, -1, 1};
  // knight's moves and the two cells each one passes between
  private static final int[] KR = {-2, -2, 2, 2, -1, 1, -1, 1};
  private static final int[] KC = {-1, 1, -1, 1, -2, -2, 2, 2};
  private static final int[] K1R = {-1, -1, 1, 1, 0, 0, 0, 0};
  private static final int[] K1C = {0, 0, 0, 0, -1, -1, 1, 1};
  private static final int[] K2R = {-1, -1, 1, 1, -1, 1, -1, 1};
  private static final int[] K2C = {-1, 1, -1, 1, -1, -1, 1, 1};

  private CostGrid grid;
  final int w;
  final int h;
  final int cells;
  private final int n;

  /** Where the per-node arrays keep each node ({@link TileLayout}). */
  final TileLayout lay;

  /** Internal ids below this are cells (padding included); the rest extra nodes. */
  final int pcells;

  /** The grid's frictions in the internal layout (NaN on padding), loaded at each run. */
  final float[] f;

  /** The grid's penalties in the internal layout, or null when it has none. */
  float[] pen;

  private float[] penStore;

  /**
   * Per tile ({@link TileLayout}), 1 if it or one of its eight neighbour tiles holds a non-zero
   * penalty (set with {@link #pen}): a cell of a tile marked 0 moves to its neighbours without
   * reading penalties, all zero there. Plans put penalties on few cells, so most tiles are 0.
   */
  byte[] penNear;

  // the grid arrays last copied into f and pen
  private float[] loadedF;
  private float[] loadedPen;
  private boolean knight;
  boolean fast;
  double halfOrth;
  double halfDiag;
  private double quarterKnight;

  private EdgeGraph graph;
  int[] first;
  double[] ecost;

  /** Edge targets as internal ids (per topology). */
  int[] tgtIn;

  /** Internal ids of nodes with at least one edge (per topology), or null without edges. */
  long[] hasEdges;

  private int[] topologyOf;

  /** Block size (log2) of the dirty map used for the sub-linear reset between queries. */
  static final int BLOCK_SHIFT = 9;

  // per-node state below is indexed by internal id (TileLayout)

  /** Tentative/final costs; +Inf for untouched nodes (restored per dirty block between queries). */
  final double[] dist;

  /** Predecessors; meaningful only for settled nodes. */
  final int[] pred;

  /** Whether the running or last query keeps predecessors ({@link Query#withoutPaths}). */
  boolean keepPred = true;

  /** Settled flags, one bit per node (cleared per dirty block between queries). */
  final long[] settledBits;

  /** Non-zero for each block of {@code 2^BLOCK_SHIFT} nodes in which a node was labelled. */
  final byte[] dirty;

  private final HeapQueue heap = new HeapQueue();
  private final BucketQueue bucket = new BucketQueue();
  double bound;
  final SearchTargets targets;
  private int settledCount;
  private QueueStrategy lastStrategy;

  /** Gates of the current query (null: none); see {@link #run(Query, Gates)}. */
  private Gates gates;

  GateRun gr;

  /** A search over the grid alone. */
  public CostDistanceSearch(CostGrid grid) {
    this(grid, null);
  }

  /**
   * A search over the grid plus explicit edges.
   *
   * @param grid the raster
   * @param edges explicit edges over {@code N >= grid.cellCount()} nodes, or null for none
   */
  public CostDistanceSearch(CostGrid grid, EdgeGraph edges) {
    this.grid = Objects.requireNonNull(grid, "grid");
    this.w = grid.width();
    this.h = grid.height();
    this.cells = grid.cellCount();
    this.n = edges == null ? cells : edges.nodeCount();
    if (n < cells) {
      throw new IllegalArgumentException("edge graph has " + n + " nodes < " + cells + " cells");
    }
    this.lay = new TileLayout(w, h);
    this.pcells = lay.paddedCells;
    int ni = pcells + (n - cells);
    this.f = new float[pcells];
    Arrays.fill(f, Float.NaN);
    this.knight = grid.neighbourhood() == CostGrid.Neighbourhood.SIXTEEN;
    this.fast = !knight;
    this.halfOrth = grid.halfOrth();
    this.halfDiag = grid.halfDiag();
    this.quarterKnight = grid.quarterKnight();
    setEdgeGraph(edges);
    this.dist = new double[ni];
    Arrays.fill(dist, INF);
    this.pred = new int[ni];
    this.settledBits = new long[(ni + 63) >>> 6];
    this.dirty = new byte[(ni >>> BLOCK_SHIFT) + 1];
    this.targets = new SearchTargets(lay, n, ni);
  }

  /**
   * Replaces the explicit edges, e.g. by {@link EdgeGraph#withCosts(double[])} of the current one.
   * The node count must not change.
   */
  public void setEdgeGraph(EdgeGraph edges) {
    int count = edges == null ? cells : edges.nodeCount();
    if (count != n) {
      throw new IllegalArgumentException("node count " + count + " != " + n);
    }
    this.graph = edges;
    boolean any = edges != null && edges.edgeCount() > 0;
    this.first = any ? edges.firstEdgeArray() : null;
    this.ecost = any ? edges.costArray() : null;
    if (!any) {
      tgtIn = null;
      hasEdges = null;
      topologyOf = null;
    } else if (topologyOf != first) {
      tgtIn = lay.internal(edges.targetArray());
      hasEdges = lay.withEdges(first, n);
      topologyOf = first;
    }
  }

  /**
   * Copies the grid's frictions and penalties into the internal layout, unless they are the arrays
   * copied last time (a grid's arrays never change: {@link CostGrid}'s contract), so that many
   * short searches over one grid copy it once.
   */
  private void loadGrid() {
    float[] fe = grid.friction();
    float[] pe = grid.penalty();
    if (fe == loadedF && pe == loadedPen) {
      return;
    }
    if (pe != null && penStore == null) {
      penStore = new float[pcells];
    }
    pen = pe == null ? null : penStore;
    lay.copyIn(fe, f);
    if (pe != null) {
      lay.copyIn(pe, pen);
      penNear = lay.tilesNear(pen, penNear);
    }
    loadedF = fe;
    loadedPen = pe;
  }

  /**
   * Replaces the grid (frictions, penalties, neighbourhood) by another of the same width, height
   * and cell size, keeping this search's per-query state: one search object can serve many cost
   * surfaces (vehicle classes, seasons, plans) without reallocating O(N) arrays.
   *
   * @throws IllegalArgumentException if the dimensions differ
   */
  public void setGrid(CostGrid g) {
    Objects.requireNonNull(g, "grid");
    if (g.width() != w || g.height() != h || g.cellSize() != grid.cellSize()) {
      throw new IllegalArgumentException(
          "grid " + g.width() + "x" + g.height() + " differs from " + w + "x" + h);
    }
    this.grid = g;
    this.knight = g.neighbourhood() == CostGrid.Neighbourhood.SIXTEEN;
    this.fast = !knight;
    this.halfOrth = g.halfOrth();
    this.halfDiag = g.halfDiag();
    this.quarterKnight = g.quarterKnight();
  }

  /** Total number of nodes N. */
  public int nodeCount() {
    return n;
  }

  /**
   * Runs a search, replacing the results of the previous one.
   *
   * @throws IndexOutOfBoundsException if a source or target id is not in {@code 0..N-1}
   */
  public void run(Query query) {
    run(query, null);
  }

  /**
   * Runs a search in which the delays of {@code gates} act only where decided by the search itself
   * ({@link Gates}: one search gives the least self-consistent answer). Afterwards {@link
   * #gateReach} and {@link #gateActive} tell each gate's reach and decision.
   *
   * @param gates the gates, or null for none (then as {@link #run(Query)})
   * @throws IllegalArgumentException if the gates were built for another grid or graph size
   */
  public void run(Query query, Gates gates) {
    if (gates != null
        && (gates.cellCount != cells
            || gates.edgeCount != (graph == null ? 0 : graph.edgeCount()))) {
      throw new IllegalArgumentException("gates built for another grid or graph");
    }
    this.gates = gates;
    int[] sources = query.sources();
    for (int s : sources) {
      Objects.checkIndex(s, n);
    }
    if (query.targets() != null) {
      for (int t : query.targets()) {
        Objects.checkIndex(t, n);
      }
    }
    loadGrid();
    QueueStrategy strategy = query.strategy();
    if (strategy != QueueStrategy.HEAP && prepareBucket(query)) {
      if (runOnce(query, bucket)) {
        lastStrategy = QueueStrategy.BUCKET;
        return;
      }
    }
    runOnce(query, heap);
    lastStrategy = QueueStrategy.HEAP;
  }

  /**
   * Gate {@code g}'s reach in the last search: the earliest arrival at it before any gated delay
   * there; +Inf if the search did not get there (or ran without gates).
   */
  public double gateReach(int g) {
    return gr == null || gr.state[g] == GateRun.PENDING ? Double.POSITIVE_INFINITY : gr.key[g];
  }

  /**
   * True if gate {@code g}'s delays acted in the last search (reached at or after its threshold).
   */
  public boolean gateActive(int g) {
    return gr != null && gr.state[g] == GateRun.ACTIVE;
  }

  /** True if the last search reached gate {@code g} and decided it. */
  public boolean gateDecided(int g) {
    return gr != null && gr.state[g] >= GateRun.ACTIVE;
  }

  /**
   * True if the last search reached gate {@code g} but stopped (at its targets or cutoff) before
   * deciding it.
   */
  public boolean gatePending(int g) {
    return gr != null && gr.state[g] == GateRun.PENDING;
  }

  /** Strategy that produced the current results ({@code BUCKET} or {@code HEAP}). */
  public QueueStrategy lastStrategy() {
    return lastStrategy;
  }

  /** Arrival cost of {@code node}, or +Inf if it was not settled. */
  public double cost(int node) {
    return isSettled(node) ? dist[lay.in(node)] : INF;
  }

  /** Predecessor of {@code node} on a cheapest path, -1 for sources and unsettled nodes. */
  public int predecessor(int node) {
    checkPaths();
    return isSettled(node) ? lay.ex(pred[lay.in(node)]) : -1;
  }

  /** True if the last search settled {@code node} (its cost is final and finite). */
  public boolean isSettled(int node) {
    Objects.checkIndex(node, n);
    int i = lay.in(node);
    return (settledBits[i >>> 6] & (1L << i)) != 0;
  }

  /** Number of nodes settled by the last search. */
  public int settledCount() {
    return settledCount;
  }

  /** Writes all N arrival costs into {@code out} (+Inf for unsettled nodes); O(N). */
  public void copyCosts(double[] out) {
    for (int v = 0; v < n; v++) {
      int i = lay.in(v);
      out[v] = (settledBits[i >>> 6] & (1L << i)) != 0 ? dist[i] : INF;
    }
  }

  /** Writes all N predecessors into {@code out} (-1 for sources and unsettled nodes); O(N). */
  public void copyPredecessors(int[] out) {
    checkPaths();
    for (int v = 0; v < n; v++) {
      int i = lay.in(v);
      out[v] = (settledBits[i >>> 6] & (1L << i)) != 0 ? lay.ex(pred[i]) : -1;
    }
  }

  /** Node ids from a source to {@code node} inclusive, or an empty array if it is unsettled. */
  public int[] path(int node) {
    checkPaths();
    if (!isSettled(node)) {
      return new int[0];
    }
    int len = 0;
    int start = lay.in(node);
    for (int v = start; v >= 0; v = pred[v]) {
      len++;
    }
    int[] p = new int[len];
    for (int v = start; v >= 0; v = pred[v]) {
      p[--len] = lay.ex(v);
    }
    return p;
  }

  private void checkPaths() {
    if (!keepPred) {
      throw new IllegalStateException("the last query kept no paths (Query.withoutPaths)");
    }
  }

  private boolean validSource(int v, double c, double cutoff) {
    return c <= cutoff && c != INF && (v >= cells || grid.isPassable(v));
  }

  /**
   * Decides whether the bucket queue is applicable and, if so, resets it; see {@link BucketQueue}.
   */
  private boolean prepareBucket(Query q) {
    double cMin = grid.minMoveCost();
    double cMax = grid.maxMoveCost();
    if (first != null) {
      cMin = Math.min(cMin, graph.minCost());
      cMax = Math.max(cMax, graph.maxFiniteCost() + grid.maxFinitePenalty());
    }
    if (gates != null) {
      // a gated move may carry every gate's delay on its edge and its cell
      cMax += gates.maxMoveDelay;
    }
    double cutoff = q.cutoff();
    double lo = INF;
    double hi = 0;
    int[] s = q.sources();
    for (int i = 0; i < s.length; i++) {
      double c = q.initialCost(i);
      if (validSource(s[i], c, cutoff)) {
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
    }
    return bucket.prepare(cMin, cMax, lo, hi, cutoff);
  }

  /** Restores dist = +Inf and clears settled bits in every block the previous query touched. */
  private void resetDirtyBlocks() {
    byte[] d = dirty;
    for (int b = 0; b < d.length; b++) {
      if (d[b] != 0) {
        d[b] = 0;
        int from = b << BLOCK_SHIFT;
        int to = Math.min(dist.length, from + (1 << BLOCK_SHIFT));
        Arrays.fill(dist, from, to, INF);
        Arrays.fill(settledBits, from >>> 6, (to + 63) >>> 6, 0L);
      }
    }
    settledCount = 0;
  }

  private boolean runOnce(Query q, NodeQueue queue) {
    resetDirtyBlocks();
    keepPred = q.keepsPaths();
    gr = gates == null ? null : new GateRun(gates, lay);
    double cutoff = q.cutoff();
    bound = cutoff == INF ? Double.MAX_VALUE : cutoff;
    if (queue == heap) {
      heap.reset(cutoff);
    }
    targets.mark(q);
    int[] s = q.sources();
    for (int i = 0; i < s.length; i++) {
      double c = q.initialCost(i);
      if (!validSource(s[i], c, cutoff)) {
        continue;
      }
      int v = lay.in(s[i]);
      if (c < dist[v]) {
        dist[v] = c;
        pred[v] = -1;
        dirty[v >>> BLOCK_SHIFT] = 1;
        queue.push(v, c);
      }
    }
    if (queue == bucket) {
      bucket.startDraining();
    }
    if (queue == bucket && fast) {
      settledCount = GridBucketKernel.drain(this, bucket);
      targets.unmark(q);
      return !queue.violated();
    }
    int settled = 0;
    long[] sb = settledBits;
    while (true) {
      int u;
      if (gr != null && gr.hasPending()) {
        u = queue.pollUpTo(gr.nextKey());
        if (u == NodeQueue.GATE_FIRST) {
          gr.release(this, gr.decideNext(), queue);
          continue;
        }
      } else {
        u = queue.poll();
      }
      if (u < 0) {
        break;
      }
      long bit = 1L << u;
      if ((sb[u >>> 6] & bit) != 0) {
        continue;
      }
      sb[u >>> 6] |= bit;
      settled++;
      double du = dist[u];
      if (u < pcells) {
        relaxGrid(u, du, queue);
      }
      relaxEdges(u, du, queue);
      if (targets.remaining > 0 && (targets.bits[u >>> 6] & (1L << u)) != 0 && targets.hit(u)) {
        break;
      }
    }
    settledCount = settled;
    targets.unmark(q);
    return !queue.violated();
  }

  private void relaxGrid(int u, double du, NodeQueue q) {
    if (fast && TileLayout.insideTile(u) && (gr == null || !gr.nearGate(u))) {
      // inside its tile: 8 neighbours at fixed offsets, no bound checks (padding is NaN)
      final int t = TileLayout.SIDE;
      double fu = f[u];
      double ho = halfOrth;
      double hd = halfDiag;
      relaxFast(u, u - t, du, fu, ho, q);
      relaxFast(u, u - 1, du, fu, ho, q);
      relaxFast(u, u + 1, du, fu, ho, q);
      relaxFast(u, u + t, du, fu, ho, q);
      relaxFast(u, u - t - 1, du, fu, hd, q);
      relaxFast(u, u - t + 1, du, fu, hd, q);
      relaxFast(u, u + t - 1, du, fu, hd, q);
      relaxFast(u, u + t + 1, du, fu, hd, q);
    } else {
      relaxGeneric(u, lay.row(u), lay.col(u), du, q);
    }
  }

  private void relaxFast(int u, int v, double du, double fu, double half, NodeQueue q) {
    float fv = f[v];
    // NaN and negative fail the test; +Inf gives nd = +Inf which never improves anything
    if (fv >= 0f) {
      double cost = (fu + fv) * half;
      if (pen != null) {
        cost += pen[v];
      }
      offer(u, v, du + cost, q);
    }
  }

  /**
   * Labels {@code v} with {@code nd} if that improves it. Settled nodes are never improved: with
   * the heap, every later {@code nd >= } the settled cost because keys are popped in order and
   * {@code fl(d + c) >= d}; with buckets, an improvement of a settled node would have to land in a
   * bucket that is not ahead of the current one, which {@link BucketQueue#push} rejects (and the
   * query is then rerun with the heap).
   */
  void offer(int u, int v, double nd, NodeQueue q) {
    if (nd < dist[v] && nd <= bound) {
      dist[v] = nd;
      if (keepPred) {
        pred[v] = u;
      }
      dirty[v >>> BLOCK_SHIFT] = 1;
      q.push(v, nd);
    }
  }

  private boolean open(int v) {
    float fv = f[v];
    return fv >= 0f && fv <= Float.MAX_VALUE;
  }

  void relaxGeneric(int u, int r, int c, double du, NodeQueue q) {
    double fu = f[u];
    for (int k = 0; k < 8; k++) {
      int rr = r + DR[k];
      int cc = c + DC[k];
      if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
        continue;
      }
      int v = lay.cell(rr, cc);
      if (!open(v)) {
        continue;
      }
      double cost = (fu + f[v]) * (k < 4 ? halfOrth : halfDiag);
      if (pen != null) {
        cost += pen[v];
      }
      offerMove(u, v, -1, du, du + cost, q);
    }
    if (!knight) {
      return;
    }
    for (int k = 0; k < 8; k++) {
      int rr = r + KR[k];
      int cc = c + KC[k];
      if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
        continue;
      }
      int v = lay.cell(rr, cc);
      int m1 = (r + K1R[k]) * w + c + K1C[k];
      int m2 = (r + K2R[k]) * w + c + K2C[k];
      if (!open(v) || !grid.isPassable(m1) || !grid.isPassable(m2)) {
        continue;
      }
      int lo = Math.min(m1, m2);
      int hi = Math.max(m1, m2);
      float[] fe = grid.friction();
      double cost = (((fu + f[v]) + fe[lo]) + fe[hi]) * quarterKnight;
      if (pen != null) {
        cost += pen[v];
      }
      offerMove(u, v, -1, du, du + cost, q);
    }
  }

  void relaxEdges(int u, double du, NodeQueue q) {
    if (hasEdges == null || (hasEdges[u >>> 6] & (1L << u)) == 0) {
      return;
    }
    int x = lay.ex(u);
    int end = first[x + 1];
    for (int e = first[x]; e < end; e++) {
      int v = tgtIn[e];
      double c = ecost[e];
      if (v < pcells) {
        if (!open(v)) {
          continue;
        }
        if (pen != null) {
          c += pen[v];
        }
      }
      offerMove(u, v, e, du, du + c, q);
    }
  }

  /** {@link #offer}, through the gates when the move crosses one. */
  void offerMove(int u, int v, int e, double du, double nd, NodeQueue q) {
    if (gr == null
        || !((e >= 0 && gr.edgeGated(e)) || (v < pcells && gr.cellGated(v)))
        || !(nd < INF)) {
      offer(u, v, nd, q);
      return;
    }
    double c = gr.cost(u, v, e, du, nd);
    if (!Double.isNaN(c)) {
      offer(u, v, c, q);
    }
  }
}
