package lt.skydas.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geojson.Feature;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Status;

/**
 * The OGC collections derived from the registry: the neighbours' lines (each feature with its owner
 * and provenance) and the coverage of the registered sensor sites, each cached until what it is
 * made of changes. Thread-safe (the builders are synchronized).
 */
final class DerivedLayers {
  private final Registry registry;
  private final CoverageSource coverageSource;

  DerivedLayers(Registry registry, CoverageSource coverageSource) {
    this.registry = registry;
    this.coverageSource = coverageSource;
  }

  private Layers.Layer neighboursCache;
  private String neighboursStamp;

  /**
   * The neighbours' lines as one collection, each feature with its owner and its line's provenance;
   * rebuilt when a line is imported again (the stamp: every line's digest and time).
   */
  synchronized Layers.Layer neighbours() {
    List<lt.skydas.registry.NeighbourLine> lines = registry.neighbourLines();
    StringBuilder stamp = new StringBuilder();
    Map<String, lt.skydas.registry.NeighbourLine> byCountry = new LinkedHashMap<>();
    for (lt.skydas.registry.NeighbourLine l : lines) {
      stamp.append(l.country()).append(l.sha256()).append(l.importedAt()).append(' ');
      byCountry.put(l.country(), l);
    }
    if (neighboursCache == null || !stamp.toString().equals(neighboursStamp)) {
      List<Feature> fs = new ArrayList<>();
      for (lt.skydas.registry.NeighbourFeature f : registry.neighbourFeatures(null, null)) {
        lt.skydas.registry.NeighbourLine l = byCountry.get(f.country());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", f.id());
        p.put("type", f.type());
        p.put("name", f.name());
        p.put("status", f.status());
        p.put("owner", f.country());
        p.put("read_only", true);
        if (l != null) {
          p.put("source", l.source());
          p.put("imported_at", l.importedAt().toString());
          p.put("imported_by", l.importedBy());
          p.put("sha256", l.sha256());
        }
        fs.add(new Feature(f.country() + ":" + f.id(), fs.size(), f.geometry(), p));
      }
      neighboursCache = Layers.of(OgcApi.NEIGHBOURS, fs);
      neighboursStamp = stamp.toString();
    }
    return neighboursCache;
  }

  /** Sensor statuses whose sites no longer stand: left out of the coverage. */
  private static final java.util.Set<Status> GONE =
      java.util.Set.of(Status.CLEARED, Status.LAND_RELEASED);

  private Layers.Layer coverageCache;
  private String coverageStamp;

  /**
   * The coverage collection: computed by the source from the standing sensor records, cached until
   * one of them changes (the stamp: every record's id and version).
   */
  synchronized Layers.Layer coverage() {
    List<RegistryRecord> sensors = new ArrayList<>();
    StringBuilder stamp = new StringBuilder();
    for (RegistryRecord r : registry.list(null, null, RecordKind.SENSOR, Integer.MAX_VALUE, 0)) {
      if (!GONE.contains(r.status())) {
        sensors.add(r);
        stamp.append(r.id()).append('@').append(r.version()).append(' ');
      }
    }
    sensors.sort(java.util.Comparator.comparing(RegistryRecord::id));
    String s = stamp.toString();
    if (coverageCache == null || !s.equals(coverageStamp)) {
      coverageCache = Layers.of(OgcApi.COVERAGE, coverageSource.features(List.copyOf(sensors)));
      coverageStamp = s;
    }
    return coverageCache;
  }
}
