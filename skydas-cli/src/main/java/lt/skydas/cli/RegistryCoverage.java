package lt.skydas.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geojson.Feature;
import lt.skydas.observe.ClutterTable;
import lt.skydas.observe.Coverage;
import lt.skydas.observe.CoverageGrid;
import lt.skydas.observe.CoveragePolygons;
import lt.skydas.observe.SensorPlacement;
import lt.skydas.observe.Surface;
import lt.skydas.plan.SensorCatalog;
import lt.skydas.plan.SensorType;
import lt.skydas.plan.TargetClass;
import lt.skydas.region.Region;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.server.api.CoverageSource;
import org.locationtech.jts.geom.Geometry;

/**
 * The server's {@code coverage} collection computed as {@code skydas coverage} does: the sensor
 * records placed on the region pack's surface (its DEM when it has one, else flat ground, plus the
 * default clutter), one coverage grid per target class at the class's default height, its observed
 * cells as polygons simplified by one cell, in WGS84. Records whose type the catalog no longer
 * knows are left out. The region pack is loaded on first use (shared with the assess job).
 */
final class RegistryCoverage implements CoverageSource {
  private final Supplier<Region> region;
  private final SensorCatalog catalog;
  private final int threads;

  RegistryCoverage(Supplier<Region> region, SensorCatalog catalog, int threads) {
    this.region = region;
    this.catalog = catalog;
    this.threads = threads;
  }

  @Override
  public List<Feature> features(List<RegistryRecord> sensors) {
    Region pack = region.get();
    Surface surface = Surface.of(pack, ClutterTable.defaults());
    Crs crs = pack.crs();
    List<Feature> out = new ArrayList<>();
    for (TargetClass t : TargetClass.values()) {
      List<SensorPlacement> placed = new ArrayList<>();
      for (RegistryRecord r : sensors) {
        SensorType type = catalog.findType(r.type()).orElse(null);
        if (type != null) {
          placed.add(
              SensorPlacement.of(
                  r.id(), type, crs.toMetric(r.geometry()), r.height_m(), r.azimuth_deg(), t));
        }
      }
      CoverageGrid g =
          Coverage.compute(surface, placed, t, Coverage.DEFAULT_TARGET_HEIGHT_M.get(t), threads);
      Geometry observed = CoveragePolygons.observed(g, pack.grid().cellSize());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("target", t.id());
      p.put("observed_km2", Math.round(g.observedArea_km2() * 10) / 10.0);
      p.put("sensors", placed.size() - g.unplaced().size());
      out.add(new Feature(t.id(), out.size(), crs.toWgs84(observed), p));
    }
    return out;
  }
}
