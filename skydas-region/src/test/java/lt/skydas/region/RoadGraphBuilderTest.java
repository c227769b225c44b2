package lt.skydas.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import lt.skydas.core.progress.Progress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

class RoadGraphBuilderTest {
  private final GeometryFactory gf = new GeometryFactory();

  private static int nodeAt(RoadGraph g, double x, double y) {
    for (int n = 0; n < g.nodeCount(); n++) {
      if (Math.abs(g.nodeX(n) - x) < 1e-6 && Math.abs(g.nodeY(n) - y) < 1e-6) {
        return n;
      }
    }
    return -1;
  }

  private static double totalLength(RoadGraph g) {
    double total = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      total += g.length_m(e);
    }
    return total;
  }

  @Test
  void tJunctionEndFiveMetresOffTheRoadIsSnappedAndSplitsIt() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 1000, 0}, RoadClass.PRIMARY);
    b.addRoad(new double[] {500, 300, 500, 5}, RoadClass.MINOR); // ends 5 m short of the primary
    RoadGraph g = b.build(Progress.NONE);
    assertThat(g.edgeCount()).isEqualTo(3);
    assertThat(g.nodeCount()).isEqualTo(4);
    int junction = nodeAt(g, 500, 0);
    assertThat(junction).isNotNegative();
    assertThat(g.degree(junction)).isEqualTo(3);
    assertThat(b.stats().snappedEnds()).isEqualTo(1);
    assertThat(g.edgeGeometry(0, gf).toText()).isEqualTo("LINESTRING (0 0, 500 0)");
  }

  @Test
  void endsFurtherThanTheSnapDistanceStayDangling() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 1000, 0}, RoadClass.PRIMARY);
    b.addRoad(new double[] {500, 300, 500, 16}, RoadClass.MINOR);
    RoadGraph g = b.build(Progress.NONE);
    assertThat(g.edgeCount()).isEqualTo(2);
    assertThat(g.nodeCount()).isEqualTo(4);
  }

  @Test
  void crossingWithoutSharedVertexGetsANode() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 1000, 0}, RoadClass.PRIMARY);
    b.addRoad(new double[] {800, -500, 800, 500}, RoadClass.SECONDARY);
    RoadGraph g = b.build(Progress.NONE);
    assertThat(g.edgeCount()).isEqualTo(4);
    int x = nodeAt(g, 800, 0);
    assertThat(x).isNotNegative();
    assertThat(g.degree(x)).isEqualTo(4);
    assertThat(totalLength(g)).isCloseTo(2000, within(1e-3));
    assertThat(b.stats().crossingsNoded()).isEqualTo(1);
  }

  @Test
  void sharedVertexIsAJunction() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 500, 0, 1000, 0}, RoadClass.PRIMARY);
    b.addRoad(new double[] {500, -500, 500, 0, 500, 500}, RoadClass.SECONDARY);
    RoadGraph g = b.build(Progress.NONE);
    assertThat(g.edgeCount()).isEqualTo(4);
    assertThat(g.degree(nodeAt(g, 500, 0))).isEqualTo(4);
  }

  @Test
  void crossingInsideABridgeSpanIsAnOverpass() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 1000, 0}, RoadClass.TRUNK);
    b.addRoad(new double[] {500, -500, 500, 500}, RoadClass.MOTORWAY);
    b.addStructure(new double[] {480, 1, 520, 1}, RoadGraph.BRIDGE, RoadClass.TRUNK);
    RoadGraph g = b.build(Progress.NONE);
    assertThat(nodeAt(g, 500, 0)).isNegative();
    assertThat(b.stats().overpasses()).isEqualTo(1);
    // motorway one edge; trunk split at the bridge ends into three
    assertThat(g.edgeCount()).isEqualTo(4);
    assertThat(g.countFlagged(RoadGraph.BRIDGE)).isEqualTo(1);
  }

  @Test
  void bridgeSplitsTheRoadAndFlagsExactlyItsSpan() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 1000, 0}, RoadClass.PRIMARY);
    b.addStructure(new double[] {400, 2, 460, 2}, RoadGraph.BRIDGE, RoadClass.PRIMARY);
    RoadGraph g = b.build(Progress.NONE);
    assertThat(g.edgeCount()).isEqualTo(3);
    int bridges = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      if ((g.flags(e) & RoadGraph.BRIDGE) != 0) {
        bridges++;
        assertThat(g.edgeGeometry(e, gf).toText()).isEqualTo("LINESTRING (400 0, 460 0)");
        assertThat(g.length_m(e)).isEqualTo(60f);
      }
    }
    assertThat(bridges).isEqualTo(1);
  }

  @Test
  void crossingFootbridgeDoesNotFlagTheRoadBelow() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 1000, 0}, RoadClass.PRIMARY);
    b.addStructure(new double[] {500, -20, 500, 20}, RoadGraph.BRIDGE, RoadClass.PATH);
    RoadGraph g = b.build(Progress.NONE);
    assertThat(g.edgeCount()).isEqualTo(1);
    assertThat(g.flags(0)).isZero();
    assertThat(b.stats().structuresUnmatched()).isEqualTo(1);
  }

  @Test
  void degreeTwoNodesMergeButClassBoundariesStay() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 100, 0}, RoadClass.TERTIARY);
    b.addRoad(new double[] {100, 0, 200, 50}, RoadClass.TERTIARY);
    b.addRoad(new double[] {200, 50, 300, 50}, RoadClass.MINOR);
    RoadGraph g = b.build(Progress.NONE);
    assertThat(g.edgeCount()).isEqualTo(2);
    assertThat(g.nodeCount()).isEqualTo(3);
    assertThat(nodeAt(g, 100, 0)).isNegative();
    int e = g.roadClass(0) == RoadClass.TERTIARY ? 0 : 1;
    assertThat(g.pointCount(e)).isEqualTo(3);
    assertThat(g.length_m(e)).isCloseTo((float) (100 + Math.hypot(100, 50)), within(1e-3f));
  }

  @Test
  void closedRingKeepsOneNode() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 100, 0, 100, 100}, RoadClass.MINOR);
    b.addRoad(new double[] {100, 100, 0, 100, 0, 0}, RoadClass.MINOR);
    RoadGraph g = b.build(Progress.NONE);
    assertThat(g.edgeCount()).isEqualTo(1);
    assertThat(g.from(0)).isEqualTo(g.to(0));
    assertThat(g.length_m(0)).isCloseTo(400f, within(1e-3f));
  }

  @Test
  void adjacencyListsEveryEdgeAtBothEnds() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 1000, 0}, RoadClass.PRIMARY);
    b.addRoad(new double[] {500, -500, 500, 500}, RoadClass.SECONDARY);
    RoadGraph g = b.build(Progress.NONE);
    int c = nodeAt(g, 500, 0);
    assertThat(g.edgesOf(c)).hasSize(4).doesNotHaveDuplicates();
    for (int e : g.edgesOf(c)) {
      int other = g.otherNode(e, c);
      assertThat(g.edgesOf(other)).containsExactly(e);
    }
  }

  @Test
  void binaryFormatRoundTripsAndRefusesTruncation() throws IOException {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 100, 50, 200, 0}, RoadClass.TRACK);
    b.addRoad(new double[] {200, 0, 300, 0}, RoadClass.PATH);
    b.addRoad(new double[] {150, -100, 150, 100}, RoadClass.MINOR);
    b.addStructure(new double[] {250, 0, 280, 0}, RoadGraph.FORD, RoadClass.PATH);
    RoadGraph g = b.build(Progress.NONE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    g.write(out);
    byte[] bytes = out.toByteArray();
    RoadGraph back = RoadGraph.read(new ByteArrayInputStream(bytes), "r.bin");
    assertThat(back).isEqualTo(g);
    assertThat(back.countFlagged(RoadGraph.FORD)).isEqualTo(1);
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 20);
    assertThatThrownBy(() -> RoadGraph.read(new ByteArrayInputStream(cut), "r.bin"))
        .hasMessageContaining("r.bin")
        .hasMessageContaining("truncated");
    bytes[11] = 9; // version
    assertThatThrownBy(() -> RoadGraph.read(new ByteArrayInputStream(bytes), "r.bin"))
        .hasMessageContaining("format 9");
  }

  /** Invariants on random road networks: geometry ends at nodes, CSR consistent, lengths true. */
  @Property(tries = 60, seed = "20261122")
  void randomNetworksAreConsistent(@ForAll @IntRange(min = 1, max = 40) int roads, @ForAll long s) {
    Random rnd = new Random(s);
    RoadGraphBuilder b = new RoadGraphBuilder();
    for (int i = 0; i < roads; i++) {
      int pts = 2 + rnd.nextInt(4);
      double[] xy = new double[2 * pts];
      for (int k = 0; k < xy.length; k++) {
        xy[k] = Math.round(rnd.nextDouble() * 2000);
      }
      b.addRoad(xy, RoadClass.values()[rnd.nextInt(RoadClass.values().length)]);
    }
    RoadGraph g = b.build(Progress.NONE);
    int ends = 0;
    for (int n = 0; n < g.nodeCount(); n++) {
      assertThat(g.degree(n)).isPositive();
      ends += g.degree(n);
    }
    assertThat(ends).isEqualTo(2 * g.edgeCount());
    for (int e = 0; e < g.edgeCount(); e++) {
      double[] p = g.points(e, new double[2 * g.pointCount(e)]);
      int last = p.length - 2;
      assertThat(p[0]).isEqualTo(g.nodeX(g.from(e)));
      assertThat(p[1]).isEqualTo(g.nodeY(g.from(e)));
      assertThat(p[last]).isEqualTo(g.nodeX(g.to(e)));
      assertThat(p[last + 1]).isEqualTo(g.nodeY(g.to(e)));
      assertThat((double) g.length_m(e))
          .isCloseTo(g.edgeGeometry(e, gf).getLength(), within(1e-2))
          .isPositive();
    }
  }
}
