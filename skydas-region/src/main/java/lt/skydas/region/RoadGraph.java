package lt.skydas.region;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * The road graph of a region: junction nodes and polyline edges in LKS-94 metres (EPSG:3346), on
 * primitive arrays with dense int ids. Edge {@code e} runs from node {@link #from(int)} to {@link
 * #to(int)} along the points {@code pointCount(e)} of its polyline (first = from node, last = to
 * node). Roads are two-way; there is no oneway information in the source data.
 *
 * <p>Adjacency is a CSR index frozen at construction: the edges touching node {@code n} are {@code
 * adjacentEdge(i)} for {@code i} in {@code [adjacencyStart(n), adjacencyEnd(n))}; iterate them
 * without allocation, e.g.
 *
 * <pre>{@code
 * for (int i = g.adjacencyStart(n), end = g.adjacencyEnd(n); i < end; i++) {
 *   int e = g.adjacentEdge(i);
 *   int m = g.otherNode(e, n);
 * }
 * }</pre>
 *
 * A self-loop edge appears twice in its node's list. Immutable and thread-safe.
 */
public final class RoadGraph {
  /** Edge flag: the edge is a bridge span. */
  public static final byte BRIDGE = 1;

  /** Edge flag: the edge is a ford. */
  public static final byte FORD = 2;

  /** Edge flag: the edge is in a tunnel. */
  public static final byte TUNNEL = 4;

  private static final long MAGIC = 0x534b594452474248L; // "SKYDRGBH"
  private static final int VERSION = 2;
  private static final RoadClass[] CLASSES = RoadClass.values();

  private final double[] nodeX;
  private final double[] nodeY;
  private final int[] from;
  private final int[] to;
  private final byte[] roadClass;
  private final byte[] flags;
  private final float[] length_m;
  private final int[] geomOffset;
  private final double[] geomXY;
  private final int[] adjStart;
  private final int[] adjEdge;

  /**
   * Takes ownership of the arrays (callers must not modify them afterwards). {@code geomOffset} has
   * {@code edges + 1} entries: edge {@code e}'s points are {@code geomOffset[e] ..
   * geomOffset[e+1]-1}, pairs in {@code geomXY}.
   */
  RoadGraph(
      double[] nodeX,
      double[] nodeY,
      int[] from,
      int[] to,
      byte[] roadClass,
      byte[] flags,
      float[] length_m,
      int[] geomOffset,
      double[] geomXY) {
    this.nodeX = nodeX;
    this.nodeY = nodeY;
    this.from = from;
    this.to = to;
    this.roadClass = roadClass;
    this.flags = flags;
    this.length_m = length_m;
    this.geomOffset = geomOffset;
    this.geomXY = geomXY;
    int n = nodeX.length;
    adjStart = new int[n + 1];
    for (int e = 0; e < from.length; e++) {
      adjStart[from[e] + 1]++;
      adjStart[to[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      adjStart[i + 1] += adjStart[i];
    }
    adjEdge = new int[2 * from.length];
    int[] fill = Arrays.copyOf(adjStart, n);
    for (int e = 0; e < from.length; e++) {
      adjEdge[fill[from[e]]++] = e;
      adjEdge[fill[to[e]]++] = e;
    }
  }

  public int nodeCount() {
    return nodeX.length;
  }

  public int edgeCount() {
    return from.length;
  }

  /** LKS-94 easting of node {@code n}, metres. */
  public double nodeX(int n) {
    return nodeX[n];
  }

  /** LKS-94 northing of node {@code n}, metres. */
  public double nodeY(int n) {
    return nodeY[n];
  }

  public int from(int e) {
    return from[e];
  }

  public int to(int e) {
    return to[e];
  }

  /** The end of {@code e} that is not {@code node} ({@code node} itself for a self-loop). */
  public int otherNode(int e, int node) {
    return from[e] == node ? to[e] : from[e];
  }

  public RoadClass roadClass(int e) {
    return CLASSES[roadClass[e]];
  }

  /** Flag bits {@link #BRIDGE}, {@link #FORD}, {@link #TUNNEL}. */
  public byte flags(int e) {
    return flags[e];
  }

  /** Length of edge {@code e} along its polyline, metres (> 0). */
  public float length_m(int e) {
    return length_m[e];
  }

  /** Number of edge ends at node {@code n}. */
  public int degree(int n) {
    return adjStart[n + 1] - adjStart[n];
  }

  /** First index into the adjacency of node {@code n} (see class comment). */
  public int adjacencyStart(int n) {
    return adjStart[n];
  }

  /** End (exclusive) of the adjacency of node {@code n}. */
  public int adjacencyEnd(int n) {
    return adjStart[n + 1];
  }

  /** The edge at adjacency index {@code i}. */
  public int adjacentEdge(int i) {
    return adjEdge[i];
  }

  /** The edges touching node {@code n}, as a new array (convenience; allocates). */
  public int[] edgesOf(int n) {
    return Arrays.copyOfRange(adjEdge, adjStart[n], adjStart[n + 1]);
  }

  /** Number of polyline points of edge {@code e} (≥ 2). */
  public int pointCount(int e) {
    return geomOffset[e + 1] - geomOffset[e];
  }

  /**
   * Copies the polyline of {@code e} (x0, y0, x1, y1 …) into {@code dst}, which must hold {@code 2
   * * pointCount(e)} values; returns dst.
   */
  public double[] points(int e, double[] dst) {
    int o = geomOffset[e];
    System.arraycopy(geomXY, 2 * o, dst, 0, 2 * pointCount(e));
    return dst;
  }

  /** The polyline of {@code e} as a JTS LineString in LKS-94 metres. */
  public LineString edgeGeometry(int e, GeometryFactory gf) {
    int o = geomOffset[e];
    Coordinate[] cs = new Coordinate[pointCount(e)];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = new Coordinate(geomXY[2 * (o + i)], geomXY[2 * (o + i) + 1]);
    }
    return gf.createLineString(cs);
  }

  /** Same as {@link #edgeGeometry(int, GeometryFactory)}. */
  public LineString geometry(int e, GeometryFactory gf) {
    return edgeGeometry(e, gf);
  }

  /** Total length per class in km, indexed by {@link RoadClass#ordinal()}. */
  public double[] lengthByClass_km() {
    double[] km = new double[CLASSES.length];
    for (int e = 0; e < edgeCount(); e++) {
      km[roadClass[e]] += length_m[e] / 1000.0;
    }
    return km;
  }

  /** Number of edges with any of the given flag bits. */
  public int countFlagged(int flagBits) {
    int n = 0;
    for (byte f : flags) {
      if ((f & flagBits) != 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * Writes the graph in the {@code roads.bin} format: magic, version, counts, then the arrays in
   * big-endian order, and the magic again as a trailer (so truncation is detected).
   */
  void write(OutputStream os) throws IOException {
    DataOutputStream out = new DataOutputStream(os);
    out.writeLong(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(nodeX.length);
    out.writeInt(from.length);
    out.writeInt(geomXY.length / 2);
    writeDoubles(out, nodeX);
    writeDoubles(out, nodeY);
    ByteBuffer b = ByteBuffer.allocate(from.length * 4);
    b.asIntBuffer().put(from);
    out.write(b.array());
    b.clear();
    b.asIntBuffer().put(to);
    out.write(b.array());
    out.write(roadClass);
    out.write(flags);
    b.clear();
    b.asFloatBuffer().put(length_m);
    out.write(b.array());
    b.clear();
    for (int e = 0; e < from.length; e++) {
      b.putInt(geomOffset[e + 1] - geomOffset[e]);
    }
    out.write(b.array());
    writeDoubles(out, geomXY);
    out.writeLong(MAGIC);
    out.flush();
  }

  private static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1 << 16);
    for (int i = 0; i < v.length; ) {
      b.clear();
      int n = Math.min(v.length - i, b.capacity() / 8);
      b.asDoubleBuffer().put(v, i, n);
      out.write(b.array(), 0, 8 * n);
      i += n;
    }
  }

  /**
   * Reads a graph written by {@link #write}. Throws an IOException naming {@code name} when the
   * data is not a road graph, of another version, truncated or inconsistent.
   */
  static RoadGraph read(InputStream is, String name) throws IOException {
    DataInputStream in = new DataInputStream(is);
    try {
      if (in.readLong() != MAGIC) {
        throw new IOException(name + " is not a Skydas road graph");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(name + " has road graph format " + version + ", expected " + VERSION);
      }
      int nodes = checkCount(in.readInt(), name);
      int edges = checkCount(in.readInt(), name);
      int points = checkCount(in.readInt(), name);
      double[] nx = readDoubles(in, nodes);
      double[] ny = readDoubles(in, nodes);
      int[] f = new int[edges];
      int[] t = new int[edges];
      ByteBuffer.wrap(readBytes(in, 4 * edges)).asIntBuffer().get(f);
      ByteBuffer.wrap(readBytes(in, 4 * edges)).asIntBuffer().get(t);
      byte[] c = readBytes(in, edges);
      byte[] fl = readBytes(in, edges);
      float[] len = new float[edges];
      ByteBuffer.wrap(readBytes(in, 4 * edges)).asFloatBuffer().get(len);
      int[] counts = new int[edges];
      ByteBuffer.wrap(readBytes(in, 4 * edges)).asIntBuffer().get(counts);
      int[] off = new int[edges + 1];
      for (int e = 0; e < edges; e++) {
        off[e + 1] = off[e] + counts[e];
        if (f[e] < 0
            || f[e] >= nodes
            || t[e] < 0
            || t[e] >= nodes
            || c[e] < 0
            || c[e] >= CLASSES.length
            || counts[e] < 2) {
          throw new IOException(name + " is corrupt at edge " + e);
        }
      }
      if (points != off[edges]) {
        throw new IOException(name + " is corrupt: point count mismatch");
      }
      double[] xy = readDoubles(in, 2 * points);
      if (in.readLong() != MAGIC) {
        throw new IOException(name + " is corrupt: bad trailer");
      }
      return new RoadGraph(nx, ny, f, t, c, fl, len, off, xy);
    } catch (EOFException e) {
      throw new IOException(name + " is truncated", e);
    }
  }

  private static byte[] readBytes(DataInputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static double[] readDoubles(DataInputStream in, int n) throws IOException {
    double[] v = new double[n];
    byte[] buf = new byte[1 << 16];
    for (int i = 0; i < n; ) {
      int k = Math.min(n - i, buf.length / 8);
      in.readFully(buf, 0, 8 * k);
      ByteBuffer.wrap(buf, 0, 8 * k).asDoubleBuffer().get(v, i, k);
      i += k;
    }
    return v;
  }

  private static int checkCount(int n, String name) throws IOException {
    if (n < 0 || n > 200_000_000) {
      throw new IOException(name + " is corrupt: count " + n);
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoadGraph g
        && Arrays.equals(nodeX, g.nodeX)
        && Arrays.equals(nodeY, g.nodeY)
        && Arrays.equals(from, g.from)
        && Arrays.equals(to, g.to)
        && Arrays.equals(roadClass, g.roadClass)
        && Arrays.equals(flags, g.flags)
        && Arrays.equals(length_m, g.length_m)
        && Arrays.equals(geomOffset, g.geomOffset)
        && Arrays.equals(geomXY, g.geomXY);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(from) * 31 + Arrays.hashCode(geomXY);
  }
}
