package lt.skydas.costdist;

import java.util.Arrays;

/**
 * Dinitz's generalised bucket queue (a circular array of Dial buckets) for monotone Dijkstra with a
 * known positive lower bound {@code cMin} on every move cost.
 *
 * <p>A key {@code d} lives in bucket {@code idx(d) = (long) (d * inv)} with {@code inv = 1 / delta}
 * and {@code delta = cMin * (1 - 2^-20)}. {@code idx} is monotone non-decreasing in {@code d}
 * (floating multiplication by a positive constant and truncation are both monotone).
 *
 * <p><b>Exactness.</b> Buckets are drained in increasing index order and nodes inside one bucket in
 * arbitrary order. This is exact as long as every relaxation performed while draining bucket {@code
 * k} inserts its key into a bucket {@code > k}: if a node {@code u} popped from bucket {@code k}
 * were later improved to {@code d' < d(u)}, the improving relaxation came from a node drained in a
 * bucket {@code k' >= k}, so {@code idx(d') >= k' + 1 > k}, yet monotonicity gives {@code idx(d')
 * <= idx(d(u)) = k}, a contradiction. In exact arithmetic, {@code idx(d + c) >= idx(d) + 1} for
 * {@code c >= cMin > delta}. In floating point, with unit round-off {@code eps = 2^-53}, the
 * computed {@code X' = fl(fl(d + c) * inv)} satisfies {@code X' >= (x + 1 + 2^-20)(1 - 3 eps)}
 * where {@code x = d * inv}; since {@code fl(x) < k + 1}, this exceeds {@code k + 1} whenever
 * {@code 2^-20 > 3 eps (k + 2)}, i.e. for every bucket index {@code k} below {@code 2^33 / 3 ~
 * 2.8e9}. Rather than trusting this bound, {@link #push} <em>checks</em> the condition (and that
 * the key fits the circular window) on every insertion; if it ever fails, {@link #violated()}
 * becomes true and the caller reruns the query with the exact heap. Not thread safe.
 */
final class BucketQueue extends NodeQueue {
  /** Relative safety margin of the bucket width below the minimum move cost. */
  static final double MARGIN = 0x1p-20;

  private static final int MAX_BUCKETS = 1 << 22;
  private static final double MAX_RATIO = 0x1p20;

  int[][] buckets = new int[0][];
  int[] sizes = new int[0];
  int mask;
  double inv;
  long cur;
  long limitIdx;
  long count;
  private boolean seeding;
  private boolean current;
  boolean violated;

  /**
   * Prepares an empty queue for moves costing {@code cMin..cMax} and sources costing {@code
   * lo..hi}, if buckets fit: false when {@code cMin} is not positive and finite, the costs span
   * more than 2^20 bucket widths, the window would need more than 2^22 buckets, or there is no
   * source ({@code lo} = +Inf). Then the caller uses the heap.
   */
  boolean prepare(double cMin, double cMax, double lo, double hi, double cutoff) {
    if (!(cMin > 0) || cMin == Double.POSITIVE_INFINITY || cMax / cMin > MAX_RATIO) {
      return false;
    }
    if (lo == Double.POSITIVE_INFINITY) {
      return false;
    }
    double delta = cMin * (1 - MARGIN);
    double inv = 1.0 / delta;
    long firstIdx = index(lo, inv);
    long span = Math.max(index(hi, inv) - firstIdx, index(cMax, inv) + 2);
    if (span + 2 > MAX_BUCKETS) {
      return false;
    }
    int bucketCount = Integer.highestOneBit((int) span + 2) << 1;
    reset(delta, bucketCount, firstIdx, cutoff);
    return true;
  }

  /**
   * Prepares an empty queue.
   *
   * @param delta bucket width ({@code cMin * (1 - MARGIN)})
   * @param bucketCount number of buckets, a power of two larger than the largest index span
   * @param firstIdx index of the first bucket (that of the smallest source cost)
   * @param limit cost cutoff; buckets beyond {@code idx(limit)} are never drained
   */
  void reset(double delta, int bucketCount, long firstIdx, double limit) {
    if (buckets.length != bucketCount) {
      int[][] nb = new int[bucketCount][];
      for (int i = 0; i < bucketCount; i++) {
        nb[i] = i < buckets.length ? buckets[i] : new int[16];
      }
      buckets = nb;
      sizes = new int[bucketCount];
    } else {
      Arrays.fill(sizes, 0);
    }
    this.mask = bucketCount - 1;
    this.inv = 1.0 / delta;
    this.cur = firstIdx;
    this.limitIdx = limit == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : (long) (limit * inv);
    this.count = 0;
    this.seeding = true;
    this.violated = false;
    this.current = false;
  }

  /** Bucket index of key {@code d} for width {@code delta}; shared by the caller's pre-checks. */
  static long index(double d, double inv) {
    return (long) (d * inv);
  }

  double inv() {
    return inv;
  }

  /** Ends the seeding phase; from now on keys must land strictly after the current bucket. */
  void startDraining() {
    seeding = false;
  }

  @Override
  void push(int node, double cost) {
    long i = (long) (cost * inv);
    long ahead = i - cur;
    if (ahead <= 0 || ahead > mask) {
      if (!((seeding || current) && ahead == 0)) {
        violated = true;
        return;
      }
    }
    int slot = (int) (i & mask);
    int s = sizes[slot];
    int[] b = buckets[slot];
    if (s == b.length) {
      b = Arrays.copyOf(b, s * 2);
      buckets[slot] = b;
    }
    b[s] = node;
    sizes[slot] = s + 1;
    count++;
  }

  @Override
  int poll() {
    while (count > 0 && !violated) {
      int slot = (int) (cur & mask);
      int s = sizes[slot];
      if (s > 0) {
        sizes[slot] = s - 1;
        count--;
        return buckets[slot][s - 1];
      }
      cur++;
      if (cur > limitIdx) {
        return -1;
      }
    }
    return -1;
  }

  @Override
  int pollUpTo(double key) {
    long last = (long) (key * inv);
    while (count > 0 && !violated) {
      int slot = (int) (cur & mask);
      int s = sizes[slot];
      if (s > 0) {
        sizes[slot] = s - 1;
        count--;
        return buckets[slot][s - 1];
      }
      if (cur >= last) {
        return GATE_FIRST;
      }
      cur++;
      if (cur > limitIdx) {
        return -1;
      }
    }
    return violated ? -1 : GATE_FIRST;
  }

  @Override
  void allowCurrent(boolean allow) {
    current = allow;
  }

  @Override
  void fail() {
    violated = true;
  }

  @Override
  boolean violated() {
    return violated;
  }
}
