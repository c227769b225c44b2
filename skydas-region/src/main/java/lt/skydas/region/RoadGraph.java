package lt.skydas.region;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * The road graph of a region: junction nodes and polyline edges in LKS-94 metres, on primitive
 * arrays. Edge {@code e} runs from node {@link #from(int)} to {@link #to(int)} along the points
 * {@code geomOffset[e] .. geomOffset[e+1]-1} of {@code geomXY} (x, y pairs; first = from node, last
 * = to node). Roads are two-way. Immutable and thread-safe.
 */
public final class RoadGraph {
  /** Edge flag: the edge is a bridge span. */
  public static final byte BRIDGE = 1;

  /** Edge flag: the edge is a ford. */
  public static final byte FORD = 2;

  /** Edge flag: the edge is in a tunnel. */
  public static final byte TUNNEL = 4;

  private static final long MAGIC = 0x534b594452474248L; // "SKYDRGBH"
  private static final int VERSION = 1;

  private final double[] nodeX;
  private final double[] nodeY;
  private final int[] from;
  private final int[] to;
  private final byte[] roadClass;
  private final byte[] flags;
  private final float[] length_m;
  private final int[] geomOffset;
  private final double[] geomXY;

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
  }

  public int nodeCount() {
    return nodeX.length;
  }

  public int edgeCount() {
    return from.length;
  }

  public double nodeX(int n) {
    return nodeX[n];
  }

  public double nodeY(int n) {
    return nodeY[n];
  }

  public int from(int e) {
    return from[e];
  }

  public int to(int e) {
    return to[e];
  }

  public RoadClass roadClass(int e) {
    return RoadClass.values()[roadClass[e]];
  }

  /** Flag bits {@link #BRIDGE}, {@link #FORD}, {@link #TUNNEL}. */
  public byte flags(int e) {
    return flags[e];
  }

  public float length_m(int e) {
    return length_m[e];
  }

  /** Number of polyline points of edge {@code e} (≥ 2). */
  public int pointCount(int e) {
    return geomOffset[e + 1] - geomOffset[e];
  }

  /** Copies the polyline of {@code e} (x0, y0, x1, y1 …) into {@code dst}; returns dst. */
  public double[] points(int e, double[] dst) {
    int o = geomOffset[e];
    System.arraycopy(geomXY, 2 * o, dst, 0, 2 * pointCount(e));
    return dst;
  }

  /** The polyline of {@code e} as a JTS LineString in LKS-94. */
  public LineString geometry(int e, GeometryFactory gf) {
    int o = geomOffset[e];
    Coordinate[] cs = new Coordinate[pointCount(e)];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = new Coordinate(geomXY[2 * (o + i)], geomXY[2 * (o + i) + 1]);
    }
    return gf.createLineString(cs);
  }

  /** Total length per class in km, indexed by {@link RoadClass#ordinal()}. */
  public double[] lengthByClass_km() {
    double[] km = new double[RoadClass.values().length];
    for (int e = 0; e < edgeCount(); e++) {
      km[roadClass[e]] += length_m[e] / 1000.0;
    }
    return km;
  }

  void write(OutputStream os) throws IOException {
    DataOutputStream out = new DataOutputStream(os);
    out.writeLong(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(nodeX.length);
    for (int i = 0; i < nodeX.length; i++) {
      out.writeDouble(nodeX[i]);
      out.writeDouble(nodeY[i]);
    }
    out.writeInt(from.length);
    for (int e = 0; e < from.length; e++) {
      out.writeInt(from[e]);
      out.writeInt(to[e]);
      out.writeByte(roadClass[e]);
      out.writeByte(flags[e]);
      out.writeFloat(length_m[e]);
      out.writeInt(geomOffset[e + 1] - geomOffset[e]);
    }
    out.writeInt(geomXY.length / 2);
    for (double v : geomXY) {
      out.writeDouble(v);
    }
    out.writeLong(MAGIC);
    out.flush();
  }

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
      double[] nx = new double[nodes];
      double[] ny = new double[nodes];
      for (int i = 0; i < nodes; i++) {
        nx[i] = in.readDouble();
        ny[i] = in.readDouble();
      }
      int edges = checkCount(in.readInt(), name);
      int[] f = new int[edges];
      int[] t = new int[edges];
      byte[] c = new byte[edges];
      byte[] fl = new byte[edges];
      float[] len = new float[edges];
      int[] off = new int[edges + 1];
      for (int e = 0; e < edges; e++) {
        f[e] = in.readInt();
        t[e] = in.readInt();
        c[e] = in.readByte();
        fl[e] = in.readByte();
        len[e] = in.readFloat();
        off[e + 1] = off[e] + in.readInt();
        if (f[e] < 0
            || f[e] >= nodes
            || t[e] < 0
            || t[e] >= nodes
            || c[e] < 0
            || c[e] >= RoadClass.values().length) {
          throw new IOException(name + " is corrupt at edge " + e);
        }
      }
      int points = checkCount(in.readInt(), name);
      if (points != off[edges]) {
        throw new IOException(name + " is corrupt: point count mismatch");
      }
      double[] xy = new double[2 * points];
      for (int i = 0; i < xy.length; i++) {
        xy[i] = in.readDouble();
      }
      if (in.readLong() != MAGIC) {
        throw new IOException(name + " is corrupt: bad trailer");
      }
      return new RoadGraph(nx, ny, f, t, c, fl, len, off, xy);
    } catch (EOFException e) {
      throw new IOException(name + " is truncated", e);
    }
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
