package lt.skydas.registry.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lt.skydas.registry.MinefieldData;
import lt.skydas.registry.MinefieldData.MinePosition;
import lt.skydas.registry.MinefieldData.MineRow;
import lt.skydas.registry.MinefieldData.ReferencePoint;
import lt.skydas.registry.exchange.MinefieldSheet.Plane;
import lt.skydas.registry.exchange.MinefieldSheet.Xy;
import org.locationtech.jts.geom.Coordinate;

/**
 * The minefield diagram of {@link MinefieldSheet} as inline SVG: the perimeter (turning points
 * {@code T1…}), the warning signs along it ({@code spacing_m} apart, or {@code count} spread
 * evenly; at most {@value #MAX_SIGNS} drawn), the rows, the recorded mines, each reference point
 * with a dashed line to its nearest turning point, a north arrow and a scale bar. Elements carry a
 * {@code class} ({@code perimeter}, {@code turning}, {@code sign}, {@code row}, {@code mine},
 * {@code reference}) for tests and styling. Stateless.
 */
final class Diagram {
  static final int MAX_SIGNS = 500;

  private Diagram() {}

  static String svg(
      Plane plane, Coordinate[] geometry, boolean area, MinefieldData m, int w, int h, int pad) {
    List<Xy> perim = new ArrayList<>();
    for (Coordinate c : geometry) {
      perim.add(plane.of(c.x, c.y));
    }
    List<Xy> all = new ArrayList<>(perim);
    List<Xy> refs = new ArrayList<>();
    for (ReferencePoint p : m.referencePoints()) {
      if (p.lon() != null && p.lat() != null) {
        Xy x = plane.of(p.lon(), p.lat());
        refs.add(x);
        all.add(x);
      } else {
        refs.add(null);
      }
    }
    for (MineRow r : m.rows()) {
      for (List<Double> c : r.line()) {
        all.add(plane.of(c.get(0), c.get(1)));
      }
    }
    List<MinePosition> mines = MinefieldSheet.positioned(m);
    for (MinePosition p : mines) {
      all.add(plane.of(p.lon(), p.lat()));
    }
    double minE = Double.MAX_VALUE, maxE = -Double.MAX_VALUE;
    double minN = Double.MAX_VALUE, maxN = -Double.MAX_VALUE;
    for (Xy x : all) {
      minE = Math.min(minE, x.e_m());
      maxE = Math.max(maxE, x.e_m());
      minN = Math.min(minN, x.n_m());
      maxN = Math.max(maxN, x.n_m());
    }
    double span = Math.max(Math.max(maxE - minE, maxN - minN), 10);
    double s =
        Math.min(
            (w - 2.0 * pad) / Math.max(maxE - minE, span / 4),
            (h - 2.0 * pad) / Math.max(maxN - minN, span / 4));
    double e0 = (minE + maxE) / 2, n0 = (minN + maxN) / 2;
    Px px = x -> new double[] {w / 2.0 + (x.e_m() - e0) * s, h / 2.0 - (x.n_m() - n0) * s};

    StringBuilder b = new StringBuilder(8192);
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"minefield diagram\">",
            w,
            h,
            w,
            h));
    b.append(
            area
                ? "<polygon class=\"perimeter\" fill=\"#f6cccc\" stroke=\"#b00\""
                : "<polyline class=\"perimeter\" fill=\"none\" stroke=\"#b00\"")
        .append(" stroke-width=\"2\" points=\"");
    for (Xy x : perim) {
      double[] p = px.of(x);
      b.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
    }
    b.append("\"/>");
    signs(b, perim, area, m.warningSigns(), px);
    for (MineRow r : m.rows()) {
      if (r.line().size() < 2) {
        continue;
      }
      b.append(
          "<polyline class=\"row\" fill=\"none\" stroke=\"#222\" stroke-width=\"1.5\" points=\"");
      double[] first = null;
      for (List<Double> c : r.line()) {
        double[] p = px.of(plane.of(c.get(0), c.get(1)));
        first = first == null ? p : first;
        b.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
      }
      b.append("\"/>").append(text(first[0] - 4, first[1] - 5, "row " + r.id(), "end"));
    }
    for (MinePosition p : mines) {
      double[] q = px.of(plane.of(p.lon(), p.lat()));
      b.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"mine\" cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#000\"/>",
              q[0],
              q[1]));
    }
    int n = area && perim.size() > 1 ? perim.size() - 1 : perim.size();
    for (int i = 0; i < n; i++) {
      double[] p = px.of(perim.get(i));
      b.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"turning\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#b00\"/>",
              p[0],
              p[1]));
      b.append(text(p[0] + 5, p[1] - 5, "T" + (i + 1), "start"));
    }
    for (int k = 0; k < refs.size(); k++) {
      Xy r = refs.get(k);
      if (r == null) {
        continue;
      }
      double[] p = px.of(r);
      int best = 0;
      double bestD = Double.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        double d = MinefieldSheet.bearingDistance(r, perim.get(i))[1];
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      if (n > 0) {
        double[] t = px.of(perim.get(best));
        double[] bd = MinefieldSheet.bearingDistance(r, perim.get(best));
        b.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1565c0\""
                    + " stroke-dasharray=\"5 4\"/>",
                p[0],
                p[1],
                t[0],
                t[1]));
        b.append(
            text(
                (p[0] + t[0]) / 2 + 4,
                (p[1] + t[1]) / 2 + 12,
                String.format(Locale.ROOT, "%.0f° %.0f m", bd[0], bd[1]),
                "start"));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<path class=\"reference\" d=\"M%.1f %.1f l6 10 h-12 z\" fill=\"#1565c0\"/>",
              p[0],
              p[1] - 6));
      b.append(text(p[0] + 8, p[1] + 14, m.referencePoints().get(k).name(), "start"));
    }
    // north arrow and scale bar
    b.append(
            String.format(
                Locale.ROOT, "<path d=\"M%d 14 l8 22 l-8 -6 l-8 6 z\" fill=\"#333\"/>", w - 24))
        .append(text(w - 24, 48, "N", "middle"));
    double bar = niceLength(0.25 * (w - 2.0 * pad) / s);
    double barPx = bar * s;
    b.append(
        String.format(
            Locale.ROOT,
            "<path d=\"M%d %d h%.1f\" stroke=\"#000\" stroke-width=\"3\"/>",
            pad,
            h - 16,
            barPx));
    b.append(text(pad, h - 22, bar >= 1000 ? fmt(bar / 1000) + " km" : fmt(bar) + " m", "start"));
    return b.append("</svg>").toString();
  }

  /** Maps a plane position to SVG pixels. */
  private interface Px {
    double[] of(Xy x);
  }

  /** Warning signs along the perimeter: every {@code spacing_m}, else {@code count} evenly. */
  private static void signs(
      StringBuilder b, List<Xy> perim, boolean area, MinefieldData.WarningSigns w, Px px) {
    if (w == null || perim.size() < 2) {
      return;
    }
    double len = 0;
    for (int i = 1; i < perim.size(); i++) {
      len += MinefieldSheet.bearingDistance(perim.get(i - 1), perim.get(i))[1];
    }
    double step =
        w.spacing_m() != null && w.spacing_m() > 0
            ? w.spacing_m()
            : w.count() != null && w.count() > 0 ? len / w.count() : 0;
    if (!(step > 0)) {
      return;
    }
    step = Math.max(step, len / MAX_SIGNS);
    double at = 0, next = 0;
    for (int i = 1; i < perim.size(); i++) {
      Xy a = perim.get(i - 1), c = perim.get(i);
      double seg = MinefieldSheet.bearingDistance(a, c)[1];
      while (next <= at + seg && seg > 0) {
        double t = (next - at) / seg;
        double[] p =
            px.of(new Xy(a.e_m() + t * (c.e_m() - a.e_m()), a.n_m() + t * (c.n_m() - a.n_m())));
        b.append(
            String.format(
                Locale.ROOT,
                "<path class=\"sign\" d=\"M%.1f %.1f l4 7 h-8 z\" fill=\"#d32f2f\" stroke=\"#fbc02d\"/>",
                p[0],
                p[1] - 4));
        next += step;
      }
      at += seg;
    }
  }

  private static String text(double x, double y, String s, String anchor) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\">%s</text>",
        x,
        y,
        anchor,
        MinefieldSheet.esc(s));
  }

  /** 1, 2 or 5 × 10^k, at most {@code max}. */
  static double niceLength(double max) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(max, 1e-9))));
    for (double f : new double[] {5, 2, 1}) {
      if (f * p <= max) {
        return f * p;
      }
    }
    return p;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
