package lt.skydas.mobility.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import org.junit.jupiter.api.Test;

class MobilityNetworkTest {
  /** Test double: straight roads given as polylines. */
  static final class Roads implements RoadInput {
    final double[][] lines;
    final String[] classes;
    final boolean[] bridge;
    final double[] nodeXY;
    final int[] from;
    final int[] to;

    Roads(double[][] lines, String[] classes, boolean[] bridge) {
      this.lines = lines;
      this.classes = classes;
      this.bridge = bridge;
      nodeXY = new double[lines.length * 4];
      from = new int[lines.length];
      to = new int[lines.length];
      for (int e = 0; e < lines.length; e++) {
        double[] l = lines[e];
        nodeXY[4 * e] = l[0];
        nodeXY[4 * e + 1] = l[1];
        nodeXY[4 * e + 2] = l[l.length - 2];
        nodeXY[4 * e + 3] = l[l.length - 1];
        from[e] = 2 * e;
        to[e] = 2 * e + 1;
      }
    }

    @Override
    public int nodeCount() {
      return nodeXY.length / 2;
    }

    @Override
    public double nodeX(int n) {
      return nodeXY[2 * n];
    }

    @Override
    public double nodeY(int n) {
      return nodeXY[2 * n + 1];
    }

    @Override
    public int edgeCount() {
      return lines.length;
    }

    @Override
    public int edgeFrom(int e) {
      return from[e];
    }

    @Override
    public int edgeTo(int e) {
      return to[e];
    }

    @Override
    public String edgeClass(int e) {
      return classes[e];
    }

    @Override
    public boolean isBridge(int e) {
      return bridge[e];
    }

    @Override
    public boolean isFord(int e) {
      return false;
    }

    @Override
    public boolean isTunnel(int e) {
      return false;
    }

    @Override
    public int pointCount(int e) {
      return lines[e].length / 2;
    }

    @Override
    public double[] points(int e, double[] dst) {
      System.arraycopy(lines[e], 0, dst, 0, lines[e].length);
      return dst;
    }
  }

  private final GridSpec g = new GridSpec(0, 500, 100, 5, 5, 3346);

  @Test
  void everyCellARoadPassesGetsAnAccessPointLinkedBothWays() {
    Roads roads =
        new Roads(
            new double[][] {{10, 250, 490, 250}}, new String[] {"PRIMARY"}, new boolean[] {false});
    MobilityNetwork net = new MobilityNetworkBuilder(g, roads).build(Progress.NONE);
    assertThat(net.accessCount()).isEqualTo(5);
    assertThat(net.nodeCount()).isEqualTo(25 + 2 + 5);
    for (int a = 0; a < 5; a++) {
      int node = 25 + 2 + a;
      int cell = net.cellOf(node);
      assertThat(cell).isEqualTo(2 * 5 + a);
      assertThat(targets(net, node)).contains(cell);
      assertThat(targets(net, cell)).contains(node);
    }
    // along-road lengths add up to the road length, in each direction
    double sum = 0;
    for (int e = 0; e < net.edgeCount(); e++) {
      if (net.edgeKind()[e] == MobilityNetwork.ROAD) {
        sum += net.edgeLength_m()[e];
      }
    }
    // the road has 7 pieces (2 junction links + 5 between access points), none under 1 m
    assertThat(sum).isCloseTo(2 * 480, within(1e-3));
    int[] tmp = new int[2];
    assertThat(net.edgesAt(0, 240, tmp)).isEqualTo(2);
  }

  @Test
  void bridgesHaveNoConnectors() {
    Roads roads =
        new Roads(
            new double[][] {{10, 250, 490, 250}}, new String[] {"PRIMARY"}, new boolean[] {true});
    MobilityNetwork net = new MobilityNetworkBuilder(g, roads).build(Progress.NONE);
    for (int e = 0; e < net.edgeCount(); e++) {
      assertThat(net.edgeKind()[e]).isEqualTo(MobilityNetwork.ROAD);
    }
  }

  @Test
  void costsFollowTheSpeedTable() {
    Roads roads =
        new Roads(
            new double[][] {{10, 250, 490, 250}}, new String[] {"PRIMARY"}, new boolean[] {false});
    MobilityNetwork net = new MobilityNetworkBuilder(g, roads).build(Progress.NONE);
    SpeedTable t = SpeedTable.defaults();
    byte[] lc = new byte[25];
    Arrays.fill(lc, (byte) 1);
    lc[12] = 2;
    String[] names = {"NODATA", "OPEN", "FOREST"};
    float[] f = MobilityCosts.friction(lc, names, t, VehicleClass.WHEELED, Season.DRY);
    assertThat(f[0]).isEqualTo((float) (3.6 / 30));
    assertThat(f[12]).isInfinite(); // forest is NO-GO for wheeled
    double[] c = MobilityCosts.edgeCosts(net, f, t, VehicleClass.WHEELED, Season.DRY);
    for (int u = 0; u < net.nodeCount(); u++) {
      for (int e = net.firstEdge()[u]; e < net.firstEdge()[u + 1]; e++) {
        if (net.edgeKind()[e] == MobilityNetwork.ROAD) {
          assertThat(c[e]).isCloseTo(net.edgeLength_m()[e] * 3.6 / 65, within(1e-9));
        } else if (u == 12 || net.edgeTarget()[e] == 12) {
          assertThat(c[e]).isInfinite();
        } else {
          assertThat(c[e]).isFinite().isPositive();
        }
      }
    }
  }

  private static int[] targets(MobilityNetwork net, int node) {
    int[] f = net.firstEdge();
    return Arrays.copyOfRange(net.edgeTarget(), f[node], f[node + 1]);
  }
}
