package lt.skydas.assess.report;

import static lt.skydas.assess.report.ReportFormat.fmt1;
import static lt.skydas.assess.report.ReportFormat.hours;
import static lt.skydas.assess.report.ReportHtml.esc;
import static lt.skydas.assess.report.ReportHtml.label;

import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.AssessmentResult.Avenue;
import lt.skydas.assess.AssessmentResult.Case;
import lt.skydas.assess.AssessmentResult.Scenario;
import lt.skydas.assess.Objective;
import lt.skydas.plan.Obstacle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Puntal;

/**
 * The report's map: the region's land, forest, water and roads, each case's isochrones, the
 * borders, the avenues of each case and scenario, the plan's obstacles and the objectives, as SVG
 * with its controls and legend. Stateless.
 */
final class ReportMap {
  private ReportMap() {}

  static void map(StringBuilder h, AssessmentResult r, AssessmentRegion region, Svg svg, Case ref) {
    mapControls(h, r, ref);
    double w = svg.widthKm();
    double ht = svg.heightKm();
    h.append("<svg class=\"map\" viewBox=\"0 0 ")
        .append(Svg.fmt(w))
        .append(' ')
        .append(Svg.fmt(ht))
        .append(
            "\" role=\"img\" aria-label=\"Map of the region with avenues of approach and obstacles\">");
    h.append("<rect width=\"100%\" height=\"100%\" fill=\"#dfe9f3\"/>");
    double tol = Math.max(100, region.grid().cellSize());
    layer(h, region.mapLayers().get("countries"), svg, tol, "land");
    layer(h, region.mapLayers().get("forest"), svg, tol * 2, "forest");
    layer(h, region.mapLayers().get("water"), svg, tol, "water");
    isochrones(h, r, svg, ref);
    layer(h, region.mapLayers().get("roads"), svg, tol / 2, "road");
    borders(h, region, svg);
    avenues(h, r, svg, ref);
    obstacles(h, r, svg);
    objectives(h, r, svg);
    legend(h);
  }

  /** The case selector and the layer toggles above the map. */
  private static void mapControls(StringBuilder h, AssessmentResult r, Case ref) {
    h.append("<section><h2>Map</h2><div class=\"controls\"><label>Case <select id=\"case\">");
    for (Case c : r.cases()) {
      h.append("<option value=\"")
          .append(c.id())
          .append('"')
          .append(c == ref ? " selected" : "")
          .append('>')
          .append(esc(label(c)))
          .append("</option>");
    }
    h.append(
            "</select></label> <label><input type=\"checkbox\" id=\"iso\" checked> isochrones</label>")
        .append(
            " <label><input type=\"checkbox\" id=\"base\"> avenues without the plan</label></div>");
  }

  /** One isochrone image per case, only the reference case's shown. */
  private static void isochrones(StringBuilder h, AssessmentResult r, Svg svg, Case ref) {
    double w = svg.widthKm();
    double ht = svg.heightKm();
    for (Case c : r.cases()) {
      h.append("<image class=\"iso\" data-case=\"")
          .append(c.id())
          .append("\" x=\"0\" y=\"0\" width=\"")
          .append(Svg.fmt(w))
          .append("\" height=\"")
          .append(Svg.fmt(ht))
          .append("\" preserveAspectRatio=\"none\" opacity=\"0.55\" style=\"display:")
          .append(c == ref ? "inline" : "none")
          .append("\" href=\"")
          .append(IsochroneImage.dataUri(c.isochrone_h(), 900))
          .append("\"/>");
    }
  }

  /** The borders, the region's hostile ones (Lithuania: LT-BY, LT-RU) marked. */
  private static void borders(StringBuilder h, AssessmentRegion region, Svg svg) {
    region
        .borders()
        .forEach(
            (pair, g) -> {
              boolean hostile = region.hostileBorders().contains(pair);
              h.append("<path class=\"")
                  .append(hostile ? "border hostile" : "border")
                  .append("\" d=\"")
                  .append(svg.path(g, 50))
                  .append("\"><title>")
                  .append(esc(pair))
                  .append("</title></path>");
            });
  }

  /** The avenues of each case and scenario, coloured by arrival time with the plan. */
  private static void avenues(StringBuilder h, AssessmentResult r, Svg svg, Case ref) {
    for (Case c : r.cases()) {
      for (Scenario sc : Scenario.values()) {
        h.append("<g class=\"av ")
            .append(sc.id())
            .append("\" data-case=\"")
            .append(c.id())
            .append("\" style=\"display:")
            .append(c == ref && sc == Scenario.PLAN ? "inline" : "none")
            .append("\">");
        for (Avenue a : c.avenues()) {
          if (a.scenario() != sc || a.path_lks94().size() < 2) {
            continue;
          }
          Geometry line =
              new GeometryFactory().createLineString(a.path_lks94().toArray(new Coordinate[0]));
          h.append("<path d=\"")
              .append(svg.path(line, 50))
              .append("\" stroke=\"")
              .append(sc == Scenario.PLAN ? Colors.css(a.time_s() / 3600) : "#37474f")
              .append("\" stroke-width=\"")
              .append(a.rank() == 1 ? "2.2" : "1.3")
              .append("\"><title>")
              .append(
                  esc(
                      a.objectiveId()
                          + " #"
                          + a.rank()
                          + ": "
                          + hours(a.time_s())
                          + ", "
                          + fmt1(a.length_m() / 1000)
                          + " km"))
              .append("</title></path>");
        }
        h.append("</g>");
      }
    }
  }

  /** The plan's obstacles: mines, barriers and openable obstacles by class. */
  private static void obstacles(StringBuilder h, AssessmentResult r, Svg svg) {
    for (Obstacle o : r.plan().obstacles()) {
      String cls =
          "ob " + (o.type().mines().isMine() ? "mine" : o.type().openable() ? "open" : "barrier");
      Geometry g = o.geometry_lks94();
      String title =
          "<title>" + esc(o.id() + " — " + o.name() + " (" + o.type().name() + ")") + "</title>";
      if (g instanceof Puntal) {
        for (Coordinate c : g.getCoordinates()) {
          h.append("<circle class=\"")
              .append(cls)
              .append("\" cx=\"")
              .append(Svg.fmt(svg.x(c.x)))
              .append("\" cy=\"")
              .append(Svg.fmt(svg.y(c.y)))
              .append("\" r=\"1.2\">")
              .append(title)
              .append("</circle>");
        }
      } else {
        h.append("<path class=\"")
            .append(cls)
            .append("\" d=\"")
            .append(svg.path(g, 0))
            .append("\">")
            .append(title)
            .append("</path>");
      }
    }
  }

  /** The objectives as circles of their radius, labelled. */
  private static void objectives(StringBuilder h, AssessmentResult r, Svg svg) {
    for (Objective o : r.objectives()) {
      for (Coordinate c : o.geometry_lks94().getCoordinates()) {
        h.append("<circle class=\"obj\" cx=\"")
            .append(Svg.fmt(svg.x(c.x)))
            .append("\" cy=\"")
            .append(Svg.fmt(svg.y(c.y)))
            .append("\" r=\"")
            .append(Svg.fmt(Math.max(2, o.radius_m() / 1000)))
            .append("\"><title>")
            .append(esc(o.name()))
            .append("</title></circle>");
      }
      Coordinate c = o.geometry_lks94().getCentroid().getCoordinate();
      h.append("<text x=\"")
          .append(Svg.fmt(svg.x(c.x) + 4))
          .append("\" y=\"")
          .append(Svg.fmt(svg.y(c.y) + 1.5))
          .append("\">")
          .append(esc(o.name().replaceAll(" \\(.*", "")))
          .append("</text>");
    }
  }

  /** Closes the map and writes its legend and note. */
  private static void legend(StringBuilder h) {
    h.append("</svg><div class=\"legend\">");
    for (int i = 0; i < lt.skydas.raster.TimeRamp.classes(); i++) {
      h.append("<span><i style=\"background:#")
          .append(String.format("%06x", lt.skydas.raster.TimeRamp.rgbOfClass(i)))
          .append("\"></i>")
          .append(Colors.label(i))
          .append("</span>");
    }
    h.append(
            "<span><i class=\"l mine\"></i>minefield</span><span><i class=\"l barrier\"></i>other obstacle</span>")
        .append("<span><i class=\"l open\"></i>openable (control point, demolition)</span>")
        .append("<span><i class=\"l hostile\"></i>LT–BY / LT–RU border</span></div>")
        .append(
            "<p class=\"note\">Colours: arrival time from the border with the plan. Lines: fastest distinct")
        .append(" avenues per objective (thick = fastest). Hover for details.</p></section>");
  }

  private static void layer(StringBuilder h, Geometry g, Svg svg, double tol, String cls) {
    if (g != null && !g.isEmpty()) {
      h.append("<path class=\"")
          .append(cls)
          .append("\" d=\"")
          .append(svg.path(g, tol))
          .append("\"/>");
    }
  }
}
