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

  /** What {@link #pollUpTo} returns when a gate must be decided first. */
  static final int GATE_FIRST = -2;

  /**
   * As {@link #poll}, but returns {@link #GATE_FIRST} instead of a node when no node is left whose
   * key could still be at most {@code key} (heap: the smallest key exceeds it; buckets: the buckets
   * up to {@code key}'s are drained) or the queue is empty.
   */
  abstract int pollUpTo(double key);

  /**
   * While true, pushes may land in the bucket being drained (moves released by a gate: their keys
   * are at least the gate's reach, in that bucket or later). No effect on the heap.
   */
  void allowCurrent(boolean allow) {}

  /** Marks the query as violating the queue's invariant (it is rerun on the heap). */
  void fail() {
    throw new IllegalStateException("a gate's move improved a settled node");
  }
}
