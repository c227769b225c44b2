package lt.skydas.assess;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.costdist.CostGrid;

/**
 * The attacker's times to the objectives with no plan, kept between runs ({@link
 * Assessor#keepNoPlanTimesIn}): they depend on the region, the objectives, the class, the season
 * and the speeds, never on a plan, and an emplacement or optimisation needs them for every case.
 *
 * <p><b>Key.</b> The SHA-256 of everything the search reads: grid size and cell size, the frictions
 * and road edge costs of the case, the network's topology, the attacker's start cells and each
 * objective's nodes. Equal keys mean equal searches and so equal times (the search is an exact
 * Dijkstra: its costs do not depend on the order it settles ties in), whatever code computed the
 * surfaces. A file is {@code no-plan-<key>.txt}: a header line, then one time per objective in
 * seconds ({@code Infinity}: never reached). A file that does not parse, or holds another number of
 * times, counts as absent and is written again. Thread-safe.
 */
final class NoPlanTimes {
  private static final String HEADER = "skydas no-plan objective times, format 1";

  private final Path dir;
  private final Map<String, double[]> memory = new ConcurrentHashMap<>();
  private volatile byte[] fixed;

  /**
   * @param dir where the files live (created on the first write)
   */
  NoPlanTimes(Path dir) {
    this.dir = dir;
  }

  /** The key of a case's no-plan search over {@code grid} and road {@code edgeCost}. */
  String key(Assessor a, CostGrid grid, double[] edgeCost) {
    float[] friction = grid.friction();
    MessageDigest md = sha256();
    md.update(fixedPart(a));
    md.update(grid.neighbourhood().name().getBytes(StandardCharsets.UTF_8));
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK * Double.BYTES);
    for (int i = 0; i < friction.length; i += CHUNK) {
      int len = Math.min(CHUNK, friction.length - i);
      chunk.clear();
      chunk.asFloatBuffer().put(friction, i, len);
      md.update(chunk.array(), 0, len * Float.BYTES);
    }
    for (int i = 0; i < edgeCost.length; i += CHUNK) {
      int len = Math.min(CHUNK, edgeCost.length - i);
      chunk.clear();
      chunk.asDoubleBuffer().put(edgeCost, i, len);
      md.update(chunk.array(), 0, len * Double.BYTES);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * The key of the no-plan arrival times at the residents' cells ({@link CivilianAssessment}): the
   * case's {@link #key} and the residents' cells.
   */
  String arrivalsKey(String caseKey, int[] residentCells) {
    MessageDigest md = sha256();
    md.update("arrivals at residents".getBytes(StandardCharsets.UTF_8));
    md.update(caseKey.getBytes(StandardCharsets.UTF_8));
    md.update(ints(residentCells));
    return HexFormat.of().formatHex(md.digest());
  }

  /** Values hashed per chunk (a small buffer, not a copy of the surface). */
  private static final int CHUNK = 1 << 16;

  /** The times kept under {@code key} for {@code count} objectives, or null. */
  double[] get(String key, int count) {
    double[] t = memory.get(key);
    if (t != null) {
      return t.clone();
    }
    Path f = dir.resolve("no-plan-" + key + ".txt");
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      if (lines.size() != count + 1 || !HEADER.equals(lines.get(0))) {
        return null;
      }
      t = new double[count];
      for (int i = 0; i < count; i++) {
        t[i] = Double.parseDouble(lines.get(i + 1).trim());
        if (!(t[i] >= 0)) {
          return null;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return null;
    }
    memory.put(key, t);
    return t.clone();
  }

  /**
   * Keeps {@code times} under {@code key}; a directory that cannot be written keeps them in memory
   * only (the next run searches again).
   */
  void put(String key, double[] times) {
    memory.put(key, times.clone());
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (double t : times) {
      sb.append(t).append('\n');
    }
    try {
      AtomicOutput.writeString(dir.resolve("no-plan-" + key + ".txt"), sb.toString());
    } catch (RuntimeException e) {
      // a read-only place: memory only
    }
  }

  /** Digest input that is the same for every case of one assessor (computed once). */
  private byte[] fixedPart(Assessor a) {
    byte[] f = fixed;
    if (f != null) {
      return f;
    }
    MessageDigest md = sha256();
    md.update(HEADER.getBytes(StandardCharsets.UTF_8));
    GridSpec g = a.region().grid();
    ByteBuffer head = ByteBuffer.allocate(32);
    head.putInt(g.width()).putInt(g.height()).putDouble(g.cellSize());
    md.update(head.flip());
    md.update(ints(topology(a)));
    md.update(ints(a.region().attackerStartCells()));
    for (int[] nodes : a.objectiveNodes()) {
      md.update(ints(new int[] {nodes.length}));
      md.update(ints(nodes));
    }
    f = md.digest();
    fixed = f;
    return f;
  }

  private static int[] topology(Assessor a) {
    var t = a.topology();
    int n = t.nodeCount();
    int m = t.edgeCount();
    int[] out = new int[n + 1 + m];
    for (int u = 0; u <= n; u++) {
      out[u] = t.firstEdge(u);
    }
    for (int e = 0; e < m; e++) {
      out[n + 1 + e] = t.target(e);
    }
    return out;
  }

  private static ByteBuffer ints(int[] a) {
    ByteBuffer b = ByteBuffer.allocate(a.length * Integer.BYTES);
    b.asIntBuffer().put(a);
    return b;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
