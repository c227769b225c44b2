package lt.skydas.optimize.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexedMinHeapTest {
  /** A reference entry: an item's key when it was last set. */
  private record Entry(double key, int item) {}

  @Test
  void randomOperationsMatchPriorityQueue() {
    for (long seed = 1; seed <= 200; seed++) {
      Random r = new Random(seed);
      int n = 1 + r.nextInt(60);
      IndexedMinHeap heap = new IndexedMinHeap(n);
      double[] current = new double[n]; // NaN: not in the reference
      java.util.Arrays.fill(current, Double.NaN);
      PriorityQueue<Entry> ref = new PriorityQueue<>((a, b) -> Double.compare(a.key(), b.key()));
      int size = 0;
      for (int step = 0; step < 2000; step++) {
        int op = r.nextInt(10);
        int v = r.nextInt(n);
        // few distinct keys, so ties are common
        double k = r.nextInt(4) == 0 ? r.nextInt(5) : r.nextDouble() * 100;
        if (op < 4) {
          if (Double.isNaN(current[v])) {
            heap.add(v, k);
            current[v] = k;
            ref.add(new Entry(k, v));
            size++;
          }
        } else if (op < 7) {
          if (!Double.isNaN(current[v]) && k <= current[v]) {
            heap.decreaseKey(v, k);
            current[v] = k;
            ref.add(new Entry(k, v));
          }
        } else if (op < 9) {
          if (size > 0) {
            dropStale(ref, current);
            double min = ref.peek().key();
            assertThat(heap.peekKey()).as("seed %d step %d: min key", seed, step).isEqualTo(min);
            int u = heap.poll();
            assertThat(current[u]).as("seed %d step %d: polled key", seed, step).isEqualTo(min);
            current[u] = Double.NaN;
            size--;
          }
        } else if (r.nextInt(20) == 0) {
          heap.clear();
          java.util.Arrays.fill(current, Double.NaN);
          ref.clear();
          size = 0;
        }
        assertThat(heap.size()).as("seed %d step %d: size", seed, step).isEqualTo(size);
        assertThat(heap.contains(v))
            .as("seed %d step %d: contains %d", seed, step, v)
            .isEqualTo(!Double.isNaN(current[v]));
        if (heap.contains(v)) {
          assertThat(heap.key(v))
              .as("seed %d step %d: key of %d", seed, step, v)
              .isEqualTo(current[v]);
        }
      }
      while (!heap.isEmpty()) {
        dropStale(ref, current);
        double min = ref.peek().key();
        int u = heap.poll();
        assertThat(current[u]).as("seed %d drain", seed).isEqualTo(min);
        current[u] = Double.NaN;
      }
      dropStale(ref, current);
      assertThat(ref).as("seed %d: reference drained too", seed).isEmpty();
    }
  }

  /** Removes reference entries whose item left the heap or got a smaller key since. */
  private static void dropStale(PriorityQueue<Entry> ref, double[] current) {
    while (!ref.isEmpty()) {
      Entry e = ref.peek();
      if (!Double.isNaN(current[e.item()]) && current[e.item()] == e.key()) {
        return;
      }
      ref.poll();
    }
  }

  @Test
  void equalKeysComeOutInTheClassicArrayHeapOrder() {
    // sift-up stops at an equal parent and sift-down stops at an equal child: with all keys equal
    // the root leaves and the last slot's item takes its place
    IndexedMinHeap heap = new IndexedMinHeap(4);
    for (int v = 0; v < 4; v++) {
      heap.add(v, 1);
    }
    assertThat(heap.poll()).isEqualTo(0);
    assertThat(heap.poll()).isEqualTo(3);
    assertThat(heap.poll()).isEqualTo(2);
    assertThat(heap.poll()).isEqualTo(1);
  }

  @Test
  void clearEmptiesAndItemsCanBeAddedAgain() {
    IndexedMinHeap heap = new IndexedMinHeap(3);
    heap.add(2, 5);
    heap.add(0, 1);
    heap.clear();
    assertThat(heap.isEmpty()).isTrue();
    assertThat(heap.contains(0)).isFalse();
    assertThat(heap.contains(2)).isFalse();
    heap.add(2, 0.5);
    assertThat(heap.peek()).isEqualTo(2);
    assertThat(heap.capacity()).isEqualTo(3);
  }
}
