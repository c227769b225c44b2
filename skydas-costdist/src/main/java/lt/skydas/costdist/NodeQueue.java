package lt.skydas.costdist;

/**
 * Monotone priority queue of node ids keyed by tentative arrival cost, with lazy deletion: a node
 * may be present several times; the caller discards entries of already settled nodes. Not thread
 * safe.
 */
abstract sealed class NodeQueue permits BucketQueue, HeapQueue {

  /** Inserts {@code node} with key {@code cost} (finite, non-negative). */
  abstract void push(int node, double cost);

  /**
   * Removes and returns a node whose key is minimal (heap) or within the minimal bucket (bucket
   * queue), or -1 when the queue is empty or every remaining key exceeds the cutoff.
   */
  abstract int poll();

  /** True if the queue detected that its exactness invariant could not be guaranteed. */
  abstract boolean violated();
}
