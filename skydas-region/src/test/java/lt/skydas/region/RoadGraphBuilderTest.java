package lt.skydas.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import lt.skydas.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

class RoadGraphBuilderTest {
  private final GeometryFactory gf = new GeometryFactory();

  @Test
  void tJunctionEndFiveMetresOffTheRoadIsSnappedAndSplitsIt() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 1000, 0}, RoadClass.PRIMARY);
    b.addRoad(new double[] {500, 300, 500, 5}, RoadClass.MINOR); // ends 5 m short of the primary
    RoadGraph g = b.build(Progress.NONE);
    assertThat(g.edgeCount()).isEqualTo(3);
    assertThat(g.nodeCount()).isEqualTo(4);
    // the junction node is on the primary at x = 500
    int junction = -1;
    for (int n = 0; n < g.nodeCount(); n++) {
      if (Math.abs(g.nodeX(n) - 500) < 1e-9 && Math.abs(g.nodeY(n)) < 1e-9) {
        junction = n;
      }
    }
    assertThat(junction).isNotNegative();
    int degree = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      if (g.from(e) == junction || g.to(e) == junction) {
        degree++;
      }
    }
    assertThat(degree).isEqualTo(3);
    assertThat(g.geometry(0, gf).toText()).isEqualTo("LINESTRING (0 0, 500 0)");
  }

  @Test
  void sharedVertexIsAJunctionButACrossingWithoutOneIsAnOverpass() {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 500, 0, 1000, 0}, RoadClass.PRIMARY);
    b.addRoad(new double[] {500, -500, 500, 0, 500, 500}, RoadClass.SECONDARY);
    b.addRoad(new double[] {800, -500, 800, 500}, RoadClass.MOTORWAY); // crosses, no shared vertex
    RoadGraph g = b.build(Progress.NONE);
    // primary and secondary split at (500, 0): 4 edges; motorway stays one edge
    assertThat(g.edgeCount()).isEqualTo(5);
    double total = 0;
    for (int e = 0; e < g.edgeCount(); e++) {
      total += g.length_m(e);
    }
    assertThat(total).isCloseTo(3000, within(1e-3));
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
        assertThat(g.geometry(e, gf).toText()).isEqualTo("LINESTRING (400 0, 460 0)");
      }
    }
    assertThat(bridges).isEqualTo(1);
  }

  @Test
  void binaryFormatRoundTripsAndRefusesTruncation() throws IOException {
    RoadGraphBuilder b = new RoadGraphBuilder();
    b.addRoad(new double[] {0, 0, 100, 50, 200, 0}, RoadClass.TRACK);
    b.addRoad(new double[] {200, 0, 300, 0}, RoadClass.PATH);
    RoadGraph g = b.build(Progress.NONE);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    g.write(out);
    byte[] bytes = out.toByteArray();
    assertThat(RoadGraph.read(new ByteArrayInputStream(bytes), "r.bin")).isEqualTo(g);
    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 20);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RoadGraph.read(new ByteArrayInputStream(cut), "r.bin"))
        .hasMessageContaining("r.bin")
        .hasMessageContaining("truncated");
  }
}
