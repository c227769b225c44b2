package lt.skydas.registry.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;
import lt.skydas.registry.Activity;
import lt.skydas.registry.ActivityKind;
import lt.skydas.registry.MinefieldData;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Status;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A mine-action handover shaped like the GICHD Minimum Data Requirements: a GeoJSON
 * FeatureCollection with one hazardous area per minefield that has (or had) mines in the ground.
 *
 * <ul>
 *   <li>{@code hazard_type}: {@code confirmed_hazardous_area} (a recorded minefield is direct
 *       evidence).
 *   <li>{@code status}: {@code open} while mines may be in the ground (under construction,
 *       emplaced, breached, damaged, clearance in progress), {@code closed} once cleared, {@code
 *       handed_over} once the land is released. Planned and approved minefields have no mines and
 *       are left out (counted in the collection's {@code not_laid}).
 *   <li>{@code benchmark}: the first CCW reference point; {@code reference_points}: all of them.
 *   <li>{@code turning_points}: the perimeter vertices in order (exterior ring without the closing
 *       repeat), numbered from 1.
 *   <li>{@code devices}: model, category, count, fuse and markings (country of origin, month of
 *       production, lot) per mine lot; {@code device_categories}.
 *   <li>{@code date_laid_from}/{@code date_laid_to}, {@code emplacing_method}.
 *   <li>{@code land_release}: each land-release activity (date, method, clearance depth, devices
 *       found, released area); {@code clearance_tasks}: each clearance task.
 * </ul>
 *
 * Obstacles and sensor, EW and counter-drone sites are not hazards and are left out: the handover
 * is for mine action. Geometry is the record's (the perimeter polygon), WGS84 lon/lat. Stateless.
 */
final class GichdWriter {
  private GichdWriter() {}

  /** The handover status of a minefield in {@code s}; null if no mines were ever laid. */
  static String hazardStatus(Status s) {
    return switch (s) {
      case PLANNED, APPROVED, PREPARED, STOCKED, ORDERED, READY, CLOSED -> null;
      case UNDER_CONSTRUCTION, LAID, EXECUTED, EMPLACED, BREACHED, DAMAGED, CLEARANCE_IN_PROGRESS ->
          "open";
      case CLEARED -> "closed";
      case LAND_RELEASED -> "handed_over";
    };
  }

  static void write(
      List<RegistryRecord> records,
      Map<String, List<Activity>> activities,
      Path file,
      Instant now) {
    List<RegistryRecord> areas = new ArrayList<>();
    int notLaid = 0;
    for (RegistryRecord r : records) {
      if (r.kind() == RecordKind.MINEFIELD) {
        if (hazardStatus(r.status()) == null) {
          notLaid++;
        } else {
          areas.add(r);
        }
      }
    }
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("name", "Skydas minefield handover");
    members.put("schema", "GICHD Minimum Data Requirements (hazardous areas, land release)");
    members.put("generated_at", now.toString());
    members.put("hazardous_areas", areas.size());
    members.put("not_laid", notLaid);
    AtomicOutput.writeFile(
        file,
        out -> {
          try (GeoJsonWriter w = new GeoJsonWriter(out, 17, members)) {
            for (RegistryRecord r : areas) {
              w.feature(
                  r.id(), r.geometry(), properties(r, activities.getOrDefault(r.id(), List.of())));
            }
          }
        });
  }

  static Map<String, Object> properties(RegistryRecord r, List<Activity> acts) {
    MinefieldData m = r.minefield() == null ? MinefieldData.empty() : r.minefield();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("hazard_id", r.id());
    p.put("name", r.name());
    p.put("hazard_type", "confirmed_hazardous_area");
    p.put("direct_evidence", "minefield record (CCW Amended Protocol II, Technical Annex 1)");
    // who benefits from the release (land use, people): the mine-action authority's survey
    p.put("beneficiaries", null);
    p.put("status", hazardStatus(r.status()));
    p.put("registry_status", r.status().id());
    p.put("obstacle_type", r.type());
    List<Map<String, Object>> refs = new ArrayList<>();
    for (MinefieldData.ReferencePoint rp : m.referencePoints()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", rp.name());
      o.put("lon", rp.lon());
      o.put("lat", rp.lat());
      o.put("description", rp.description());
      refs.add(o);
    }
    p.put("benchmark", refs.isEmpty() ? null : refs.get(0));
    p.put("reference_points", refs);
    p.put("turning_points", turningPoints(r.geometry()));
    List<Map<String, Object>> devices = new ArrayList<>();
    Set<String> categories = new LinkedHashSet<>();
    for (MinefieldData.MineLot l : m.lots()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("model", l.model());
      d.put("category", l.category());
      d.put("count", l.count());
      d.put("fuse_type", l.fuseType());
      d.put("fuse_life_d", l.fuseLife_d());
      // the markings (Technical Annex 1(d)): what a clearance team reads on the mine
      d.put("country_of_origin", l.countryOfOrigin());
      d.put("produced", l.produced());
      d.put("lot_number", l.lotNumber());
      devices.add(d);
      if (l.category() != null) {
        categories.add(l.category());
      }
    }
    p.put("devices", devices);
    p.put("device_categories", new ArrayList<>(categories));
    p.put("total_devices", m.mineCount());
    p.put("date_laid_from", m.laidFrom());
    p.put("date_laid_to", m.laidTo());
    p.put("emplacing_method", m.emplacingMethod());
    p.put("marked", r.marked());
    p.put("fenced", r.fenced());
    p.put("monitored", r.monitored());
    List<Map<String, Object>> releases = new ArrayList<>();
    List<Map<String, Object>> tasks = new ArrayList<>();
    List<Map<String, Object>> accidents = new ArrayList<>();
    List<Map<String, Object>> qa = new ArrayList<>();
    List<Map<String, Object>> surveys = new ArrayList<>();
    for (Activity a : acts) {
      if (a.kind() == ActivityKind.SURVEY) {
        Map<String, Object> o = new LinkedHashMap<>(a.data());
        o.put("activity_id", a.id());
        if (a.geometry() != null) {
          o.put("area_wkt", lt.skydas.registry.RecordCodec.wkt(a.geometry()));
        }
        surveys.add(o);
      } else if (a.kind() == ActivityKind.LAND_RELEASE) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("activity_id", a.id());
        o.put("date", a.data().get("date"));
        o.put("method", a.data().get("method"));
        o.put("clearance_depth_cm", a.data().get("clearance_depth_cm"));
        o.put("devices_found", a.data().getOrDefault("devices_found", List.of()));
        o.put("evidence", a.data().get("evidence"));
        o.put("recorded_at", a.at().toString());
        o.put("recorded_by", a.actor());
        if (a.geometry() != null) {
          o.put("released_area_wkt", lt.skydas.registry.RecordCodec.wkt(a.geometry()));
        }
        releases.add(o);
      } else if (a.kind() == ActivityKind.CLEARANCE_TASK) {
        Map<String, Object> o = new LinkedHashMap<>(a.data());
        o.put("activity_id", a.id());
        tasks.add(o);
      } else if (a.kind() == ActivityKind.INCIDENT) {
        Map<String, Object> o = new LinkedHashMap<>(a.data());
        o.put("activity_id", a.id());
        if (a.geometry() != null) {
          o.put("location_wkt", lt.skydas.registry.RecordCodec.wkt(a.geometry()));
        }
        accidents.add(o);
      } else if (a.kind() == ActivityKind.INSPECTION) {
        Map<String, Object> o = new LinkedHashMap<>(a.data());
        o.put("activity_id", a.id());
        qa.add(o);
      }
    }
    p.put("surveys", surveys);
    p.put("land_release", releases);
    p.put("clearance_tasks", tasks);
    p.put("accidents", accidents);
    p.put("qa_visits", qa);
    return p;
  }

  private static List<Map<String, Object>> turningPoints(Geometry g) {
    Geometry part = g.getGeometryN(0);
    Coordinate[] cs =
        part instanceof Polygon poly
            ? poly.getExteriorRing().getCoordinates()
            : part.getCoordinates();
    int n = cs.length;
    if (part instanceof Polygon && n > 1) {
      n--;
    }
    List<Map<String, Object>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("n", i + 1);
      o.put("lon", cs[i].x);
      o.put("lat", cs[i].y);
      out.add(o);
    }
    return out;
  }
}
