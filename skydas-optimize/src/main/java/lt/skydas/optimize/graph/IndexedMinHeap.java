package lt.skydas.optimize.graph;

/**
 * A binary min-heap of int items {@code 0..capacity-1} with {@code double} keys, indexed (each item
 * is in the heap at most once and knows its slot), so a search lowers an item's key in place
 * instead of adding a duplicate: the priority queue of every optimiser search (Dijkstra and A*).
 *
 * <p><b>Contract.</b> Keys are compared with {@code <} / {@code <=}; they must not be NaN (an
 * assertion checks). {@link #add} takes an item not in the heap, {@link #decreaseKey} an item in it
 * and a key no larger than its current one. Among equal keys the order is that of the classic array
 * heap (sift-up stops at a parent {@code <=} the key; sift-down prefers the left child unless the
 * right one is strictly smaller), so a search's tie-breaking is fixed by its insertion order.
 *
 * <p><b>Complexity.</b> {@link #add}, {@link #decreaseKey} and {@link #poll} are O(log size);
 * {@link #contains}, {@link #peekKey} and {@link #key} O(1); {@link #clear} O(size). Nothing
 * allocates after construction. Memory: 16 bytes per item of capacity.
 *
 * <pre>{@code
 * IndexedMinHeap q = new IndexedMinHeap(nodes);
 * q.add(source, 0);
 * while (!q.isEmpty()) {
 *   double du = q.peekKey();
 *   int u = q.poll();
 *   ... q.contains(v) ? q.decreaseKey(v, nd) : q.add(v, nd) ...
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> Not thread safe: mutable state reused between searches. One per thread
 * (usually one per search object).
 */
public final class IndexedMinHeap {
  private final int[] item;
  private final double[] key;

  /** Slot of each item in the heap, -1 when absent. */
  private final int[] slot;

  private int size;

  /** An empty heap for items {@code 0..capacity-1}. */
  public IndexedMinHeap(int capacity) {
    item = new int[capacity];
    key = new double[capacity];
    slot = new int[capacity];
    java.util.Arrays.fill(slot, -1);
  }

  /** Items the heap can hold ({@code 0..capacity()-1}). */
  public int capacity() {
    return slot.length;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Whether {@code v} is in the heap. */
  public boolean contains(int v) {
    return slot[v] >= 0;
  }

  /** The key of {@code v}, which must be in the heap. */
  public double key(int v) {
    assert slot[v] >= 0 : "item " + v + " is not in the heap";
    return key[slot[v]];
  }

  /** The smallest key; the heap must not be empty. */
  public double peekKey() {
    assert size > 0 : "empty heap";
    return key[0];
  }

  /** The item with the smallest key, left in the heap; the heap must not be empty. */
  public int peek() {
    assert size > 0 : "empty heap";
    return item[0];
  }

  /** Inserts {@code v} (not in the heap) with key {@code k}. */
  public void add(int v, double k) {
    assert slot[v] < 0 : "item " + v + " is already in the heap";
    assert k == k : "NaN key";
    siftUp(v, k, size++);
  }

  /** Lowers the key of {@code v} (in the heap) to {@code k} ({@code ≤} its key). */
  public void decreaseKey(int v, double k) {
    assert slot[v] >= 0 : "item " + v + " is not in the heap";
    assert k <= key[slot[v]] : "key of " + v + " would rise";
    siftUp(v, k, slot[v]);
  }

  /** Removes the item with the smallest key and returns it; the heap must not be empty. */
  public int poll() {
    assert size > 0 : "empty heap";
    int top = item[0];
    slot[top] = -1;
    int last = item[--size];
    if (size > 0) {
      siftDown(last, key[size]);
    }
    return top;
  }

  /** Removes every item. */
  public void clear() {
    for (int i = 0; i < size; i++) {
      slot[item[i]] = -1;
    }
    size = 0;
  }

  private void siftUp(int v, double k, int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (key[p] <= k) {
        break;
      }
      move(p, i);
      i = p;
    }
    place(v, k, i);
  }

  /** Puts {@code v} with key {@code k} into the hole at the root and sifts it down. */
  private void siftDown(int v, double k) {
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      int r = c + 1;
      if (r < size && key[r] < key[c]) {
        c = r;
      }
      if (k <= key[c]) {
        break;
      }
      move(c, i);
      i = c;
    }
    place(v, k, i);
  }

  private void move(int from, int to) {
    int v = item[from];
    item[to] = v;
    key[to] = key[from];
    slot[v] = to;
  }

  private void place(int v, double k, int i) {
    item[i] = v;
    key[i] = k;
    slot[v] = i;
  }
}
