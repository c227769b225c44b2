package lt.skydas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lt.skydas.assess.civil.Resident;
import lt.skydas.assess.civil.ShelterAccess;
import lt.skydas.assess.civil.ShelterCoverage;
import lt.skydas.assess.civil.ShelterSite;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.optimize.shelter.ShelterSiting;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The output of {@code skydas shelters}: {@code shelters.geojson} (the standing shelters and the
 * chosen sites, WGS84, with capacity, cost and the people assigned) and {@code summary.json}
 * (coverage, the siting with its bound and gap, the settlements with the most people without a
 * place). Written atomically into the output directory.
 */
final class ShelterWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Crs crs;
  private final ShelterAccess access;
  private final List<ShelterSite> standing;
  private final int residents;

  ShelterWriter(Crs crs, ShelterAccess access, List<ShelterSite> standing, List<Resident> rs) {
    this.crs = crs;
    this.access = access;
    this.standing = List.copyOf(standing);
    this.residents = rs.size();
  }

  /** {@code "<label>: 1,234 of 56,789 people (2.2 %) have a place within 15 min walk …"}. */
  static String line(String label, ShelterCoverage c) {
    return String.format(
        Locale.ROOT,
        "%s: %,d of %,d people (%.1f %%) have a place within %s; %,d within reach of a shelter;"
            + " %,d places in %d shelters",
        label,
        c.covered(),
        c.people(),
        c.coveredPct(),
        c.access(),
        c.reachable(),
        c.capacity(),
        c.shelters());
  }

  /** Writes both files; {@code r} and {@code candidates} null and empty for coverage only. */
  void write(
      Path out, ShelterCoverage after, ShelterSiting.Result r, List<ShelterSite> candidates) {
    List<ShelterSite> sites = new ArrayList<>(standing);
    if (r != null) {
      for (int i : r.chosen()) {
        sites.add(candidates.get(i));
      }
    }
    AtomicOutput.writeDirectory(
        out,
        dir -> {
          GeometryFactory gf = new GeometryFactory();
          try (OutputStream os = Files.newOutputStream(dir.resolve("shelters.geojson"));
              GeoJsonWriter w = new GeoJsonWriter(os, 6)) {
            for (int j = 0; j < sites.size(); j++) {
              ShelterSite s = sites.get(j);
              Coordinate ll = crs.toWgs84(s.x_m(), s.y_m(), new Coordinate());
              Map<String, Object> p = new LinkedHashMap<>();
              p.put("type", "shelter");
              p.put("name", s.name());
              p.put("status", j < standing.size() ? "standing" : "chosen");
              p.put("capacity_persons", s.capacity());
              p.put("cost_eur", Math.round(s.cost_eur()));
              p.put("assigned_people", after.assigned()[j]);
              w.feature(s.id(), gf.createPoint(ll), p);
            }
          }
          Files.writeString(
              dir.resolve("summary.json"), JSON.writeValueAsString(summary(after, r, candidates)));
        });
  }

  private Map<String, Object> summary(
      ShelterCoverage after, ShelterSiting.Result r, List<ShelterSite> candidates) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> acc = new LinkedHashMap<>();
    acc.put("mode", access.mode());
    acc.put("limit_min", access.limit_s() / 60);
    acc.put("model", access.paths() == null ? "straight" : "network");
    acc.put("rule", access.describe());
    if (access.paths() == null) {
      acc.put("speed_kmh", access.speed_mps() * 3.6);
      acc.put("detour", access.detour());
    }
    acc.put("radius_m", Math.round(access.radius_m()));
    m.put("access", acc);
    m.put("settlements", residents);
    m.put("standing_shelters", standing.size());
    if (r != null) {
      m.put("before", coverage(r.before()));
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("candidates", candidates.size());
      s.put("candidates_in_model", r.candidates());
      s.put("pairs", r.pairs());
      s.put("chosen", r.chosen().size());
      s.put("cost_eur", Math.round(r.cost_eur()));
      s.put("covered_model", Math.round(r.modelCovered()));
      s.put("bound_people", Math.floor(r.bound() + 1e-6)); // people are whole: SCIP is not exact
      s.put("gap_pct", 100 * r.gap());
      s.put("optimal", r.optimal());
      s.put("seconds", r.seconds());
      m.put("siting", s);
    }
    m.put("coverage", coverage(after));
    return m;
  }

  static Map<String, Object> coverage(ShelterCoverage c) {
    return c.toJson();
  }
}
