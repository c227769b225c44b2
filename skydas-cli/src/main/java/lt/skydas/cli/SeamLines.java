package lt.skydas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.assess.seam.SeamAnalysis;
import lt.skydas.assess.seam.SeamClosers;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.region.Country;
import lt.skydas.region.Region;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.exchange.RegistryExchange;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads one country's line for {@code skydas seams}: a file the registry's exchange formats read
 * (GeoJSON, GeoPackage, KML, CSV; WGS84, anything else refused), or another server's OGC API
 * Features items (its {@code next} links followed). Every feature must lie inside the region and on
 * its owner's side of the border (up to {@link #SIDE_TOLERANCE_M} beyond it).
 */
final class SeamLines {
  /** How far beyond its own border a country's obstacle may lie (digitising, border markers). */
  static final double SIDE_TOLERANCE_M = 1000;

  private static final int MAX_PAGES = 100;

  private SeamLines() {}

  /**
   * A country's line as read: its features for the seam analysis, and those whose type the obstacle
   * catalog knows as obstacles (for timing the seams: {@link SeamDelays}).
   */
  record Read(SeamAnalysis.Line line, List<Obstacle> obstacles) {}

  /**
   * The features of a line's source: a file (GeoJSON, GeoPackage, KML, CSV, by its name) or an OGC
   * API Features items URL, its {@code next} links followed.
   */
  static List<RecordDraft> drafts(String source) {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      return fetch(source);
    }
    Path file = Path.of(source);
    if (!Files.isRegularFile(file)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND, source + ": no such file", Map.of("file", source));
    }
    return RegistryExchange.read(file, RegistryExchange.fromPath(file));
  }

  static Read read(String cc, String source, Region pack) {
    Country owner = Country.fromIso(cc);
    Geometry own = pack.countryPolygon(owner);
    if (own == null) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "--line " + cc + ": " + cc + " is not a country of this region's pack");
    }
    List<RecordDraft> drafts = drafts(source);
    if (drafts.isEmpty()) {
      throw SkydasProblem.badInput(source, null, "holds no features: a line needs obstacles");
    }
    Crs crs = pack.crs();
    GridSpec g = pack.grid();
    List<Geometry> out = new ArrayList<>();
    List<Obstacle> obstacles = new ArrayList<>();
    ObstacleCatalog catalog = ObstacleCatalog.defaults();
    for (RecordDraft d : drafts) {
      String where = label(source, d);
      Geometry m = crs.toMetric(d.geometry());
      Coordinate p = m.getInteriorPoint().getCoordinate();
      int cell = g.cellAt(p.x, p.y);
      // beyond the grid a neighbour's line goes on: its side is told by the country polygons
      Country at = cell < 0 ? null : Country.fromCode(pack.country()[cell]);
      if (at != owner && own.distance(m) > SIDE_TOLERANCE_M) {
        Coordinate ll = d.geometry().getInteriorPoint().getCoordinate();
        throw SkydasProblem.badInput(
            source,
            where,
            String.format(
                Locale.ROOT,
                "lies in %s (at %.5f E %.5f N), not on %s's side of the border: a line is its"
                    + " owner's obstacles",
                at == null ? "another country" : at == Country.NONE ? "no country" : at.name(),
                ll.x,
                ll.y,
                cc));
      }
      out.add(m);
      if (d.type() != null) {
        String id = cc + ":" + (d.id() != null ? d.id() : "f" + out.size());
        catalog
            .findType(d.type())
            .ifPresent(t -> obstacles.add(new Obstacle(id, d.name(), t, d.geometry(), m, 0)));
      }
    }
    return new Read(new SeamAnalysis.Line(cc, source, out), obstacles);
  }

  /**
   * Candidate sites ({@code skydas candidates}' GeoJSON) by the country they lie in (sites whose
   * interior point lies in no country are left out), in the pack's CRS, with their cheapest cost.
   */
  static Map<String, List<SeamClosers.Site>> sites(Path file, Region pack) {
    Map<String, List<SeamClosers.Site>> out = new java.util.LinkedHashMap<>();
    Crs crs = pack.crs();
    for (Feature f : GeoJsonReader.readAll(file)) {
      if (f.geometry() == null) {
        continue;
      }
      Geometry m = crs.toMetric(f.geometry());
      Coordinate p = m.getInteriorPoint().getCoordinate();
      int cell = pack.grid().cellAt(p.x, p.y);
      Country at = cell >= 0 ? Country.fromCode(pack.country()[cell]) : countryOf(pack, m);
      if (at == null || at == Country.NONE) {
        continue; // its interior point on water or beyond every country: no side's site
      }
      Object cost = f.properties().get("cheapest_cost_eur");
      String id = f.id() != null ? f.id() : "site-" + f.index();
      out.computeIfAbsent(at.name(), k -> new ArrayList<>())
          .add(
              new SeamClosers.Site(
                  id, m, cost instanceof Number n ? n.doubleValue() : Double.POSITIVE_INFINITY));
    }
    return out;
  }

  /** The country whose polygon covers {@code m}'s interior point (beyond the grid), or null. */
  private static Country countryOf(Region pack, Geometry m) {
    var pt = m.getInteriorPoint();
    for (Country c : Country.values()) {
      Geometry poly = c == Country.NONE ? null : pack.countryPolygon(c);
      if (poly != null && poly.covers(pt)) {
        return c;
      }
    }
    return null;
  }

  /** The feature's place in its file, without the file's name (the problem names the file). */
  private static String label(String source, RecordDraft d) {
    String w = d.where() != null ? d.where() : "feature " + d.id();
    if (source.contains("://")) {
      return w;
    }
    Path name = Path.of(source).getFileName();
    String prefix = name == null ? "" : name + " ";
    return w.startsWith(prefix) ? w.substring(prefix.length()) : w;
  }

  /** The features of an OGC API Features items URL, following its {@code next} links. */
  private static List<RecordDraft> fetch(String url) {
    ObjectMapper om = new ObjectMapper();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    ObjectNode all = om.createObjectNode();
    all.put("type", "FeatureCollection");
    ArrayNode features = all.putArray("features");
    String next = url;
    for (int page = 0; next != null; page++) {
      if (page == MAX_PAGES) {
        throw SkydasProblem.badInput(url, null, "more than " + MAX_PAGES + " pages of items");
      }
      JsonNode body;
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(next))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/geo+json, application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw SkydasProblem.badInput(next, null, "HTTP " + r.statusCode());
        }
        body = om.readTree(r.body());
      } catch (IOException e) {
        throw SkydasProblem.badInput(next, null, "cannot read: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SkydasProblem(ProblemCode.USAGE, "interrupted while reading " + next);
      } catch (IllegalArgumentException e) {
        throw new SkydasProblem(ProblemCode.USAGE, "--line: not a URL: " + next);
      }
      if (!body.path("features").isArray()) {
        throw SkydasProblem.badInput(next, null, "not a GeoJSON FeatureCollection");
      }
      body.path("features").forEach(features::add);
      next = null;
      for (JsonNode l : body.path("links")) {
        if ("next".equals(l.path("rel").asText()) && l.path("href").isTextual()) {
          next = URI.create(url).resolve(l.path("href").asText()).toString();
        }
      }
    }
    try {
      Path tmp = Files.createTempFile("skydas-line-", ".geojson");
      try {
        om.writeValue(tmp.toFile(), all);
        return RegistryExchange.read(tmp, RegistryExchange.Format.GEOJSON);
      } catch (SkydasProblem p) {
        throw SkydasProblem.badInput(
            url, null, p.getMessage().replace(tmp.toString(), "items").replace(tmp + ": ", ""));
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new SkydasProblem(ProblemCode.OUTPUT_FAILED, "temporary file: " + e.getMessage());
    }
  }
}
