package lt.skydas.costdist;

import java.util.Arrays;

/**
 * Lazy-deletion 4-ary min-heap over (double key, int node) pairs held in parallel primitive arrays.
 * Exact: keys are compared as doubles, never rounded. Not thread safe.
 */
final class HeapQueue extends NodeQueue {
  private double[] keys = new double[1024];
  private int[] nodes = new int[1024];
  private int size;
  private double limit = Double.POSITIVE_INFINITY;

  /**
   * Empties the heap; {@link #poll()} will report -1 once the minimum key exceeds {@code limit}.
   */
  void reset(double limit) {
    this.size = 0;
    this.limit = limit;
  }

  @Override
  void push(int node, double cost) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      nodes = Arrays.copyOf(nodes, size * 2);
    }
    int i = size++;
    double[] k = keys;
    int[] n = nodes;
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      double pk = k[parent];
      if (pk <= cost) {
        break;
      }
      k[i] = pk;
      n[i] = n[parent];
      i = parent;
    }
    k[i] = cost;
    n[i] = node;
  }

  @Override
  int poll() {
    if (size == 0 || keys[0] > limit) {
      return -1;
    }
    double[] k = keys;
    int[] n = nodes;
    int result = n[0];
    int last = --size;
    if (last == 0) {
      return result;
    }
    double key = k[last];
    int node = n[last];
    int i = 0;
    while (true) {
      int child = (i << 2) + 1;
      if (child >= last) {
        break;
      }
      int best = child;
      double bestKey = k[child];
      int end = Math.min(child + 4, last);
      for (int c = child + 1; c < end; c++) {
        double ck = k[c];
        if (ck < bestKey) {
          bestKey = ck;
          best = c;
        }
      }
      if (bestKey >= key) {
        break;
      }
      k[i] = bestKey;
      n[i] = n[best];
      i = best;
    }
    k[i] = key;
    n[i] = node;
    return result;
  }

  @Override
  int pollUpTo(double key) {
    if (size == 0 || keys[0] > key) {
      return GATE_FIRST;
    }
    return poll();
  }

  @Override
  boolean violated() {
    return false;
  }
}
