package lt.skydas.optimize.interdiction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Path rows: each the interdictable arcs of a path and the path's nominal length. */
final class PathRows {
  final List<int[]> arcs = new ArrayList<>();
  final List<Long> length = new ArrayList<>();
  private final Set<Key> seen = new HashSet<>();

  int size() {
    return arcs.size();
  }

  boolean add(int[] path, long[] c, boolean[] interdictable) {
    long len = 0;
    int n = 0;
    for (int a : path) {
      len += c[a];
      if (interdictable[a]) {
        n++;
      }
    }
    int[] ia = new int[n];
    n = 0;
    for (int a : path) {
      if (interdictable[a]) {
        ia[n++] = a;
      }
    }
    Arrays.sort(ia);
    if (!seen.add(new Key(ia, len))) {
      return false;
    }
    arcs.add(ia);
    length.add(len);
    return true;
  }

  private record Key(int[] a, long len) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.len == len && Arrays.equals(k.a, a);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(a) * 31 + Long.hashCode(len);
    }
  }
}
