package lt.skydas.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.raster.ByteRaster;
import lt.skydas.raster.GeoTiff;
import org.locationtech.jts.geom.Geometry;

/**
 * A loaded region pack: land-cover and country rasters, road graph, settlements, borders and areas,
 * all in LKS-94 metres. Immutable by contract (arrays are exposed, not copied: do not modify).
 * Thread-safe for reading.
 */
public final class Region {
  private final Path dir;
  private final JsonNode metadata;
  private final GridSpec grid;
  private final byte[] landCover;
  private final byte[] country;
  private final RoadGraph roads;
  private final List<Settlement> settlements;
  private final Map<String, Geometry> borders;
  private final Map<Country, Geometry> countries;
  private final List<NamedArea> residential;
  private final List<NamedArea> protectedAreas;

  private Region(
      Path dir,
      JsonNode metadata,
      GridSpec grid,
      byte[] landCover,
      byte[] country,
      RoadGraph roads,
      List<Settlement> settlements,
      Map<String, Geometry> borders,
      Map<Country, Geometry> countries,
      List<NamedArea> residential,
      List<NamedArea> protectedAreas) {
    this.dir = dir;
    this.metadata = metadata;
    this.grid = grid;
    this.landCover = landCover;
    this.country = country;
    this.roads = roads;
    this.settlements = List.copyOf(settlements);
    this.borders = Map.copyOf(borders);
    this.countries = Map.copyOf(countries);
    this.residential = List.copyOf(residential);
    this.protectedAreas = List.copyOf(protectedAreas);
  }

  /** Loads the pack in {@code dir}; a {@link SkydasProblem} says what is wrong and what to do. */
  public static Region load(Path dir) {
    Path meta = dir.resolve("region.json");
    if (!Files.isRegularFile(meta)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          dir + ": not a region pack (no region.json); build one with `skydas region build`",
          Map.of("file", dir.toString()));
    }
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(meta.toFile());
    } catch (IOException e) {
      throw SkydasProblem.badInput(
          meta.toString(),
          null,
          "unreadable region.json (" + e.getMessage() + "); rebuild the pack");
    }
    int version = m.path("format_version").asInt(-1);
    if (version != RegionBuilder.FORMAT_VERSION) {
      throw SkydasProblem.badInput(
          meta.toString(),
          null,
          "region pack format "
              + version
              + " is not supported (expected "
              + RegionBuilder.FORMAT_VERSION
              + "); rebuild it with `skydas region build`");
    }
    ByteRaster lc = GeoTiff.readByte(dir.resolve("landcover.tif"));
    ByteRaster cc = GeoTiff.readByte(dir.resolve("country.tif"));
    if (!lc.grid().equals(cc.grid())) {
      throw SkydasProblem.badInput(
          dir.toString(), null, "land-cover and country rasters differ in size; rebuild the pack");
    }
    RoadGraph roads;
    Path rb = dir.resolve("roads.bin");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(rb), 1 << 16)) {
      roads = RoadGraph.read(in, rb.toString());
    } catch (IOException e) {
      throw SkydasProblem.badInput(rb.toString(), null, e.getMessage() + "; rebuild the pack");
    }
    Crs crs = Crs.lks94();
    List<Settlement> settlements = new ArrayList<>();
    for (Feature f : read(dir, "settlements.geojson")) {
      var c = f.geometry().getCoordinate();
      var xy = crs.toMetric(c.x, c.y, new org.locationtech.jts.geom.Coordinate());
      Object pop = f.properties().get("population");
      settlements.add(
          new Settlement(
              f.string("name"),
              f.string("name_ascii"),
              f.string("place"),
              pop instanceof Number n ? n.longValue() : null,
              f.string("country"),
              c.x,
              c.y,
              xy.x,
              xy.y));
    }
    Map<String, Geometry> borders = new LinkedHashMap<>();
    for (Feature f : read(dir, "borders.geojson")) {
      borders.put(f.string("pair"), crs.toMetric(f.geometry()));
    }
    Map<Country, Geometry> countries = new EnumMap<>(Country.class);
    for (Feature f : read(dir, "countries.geojson")) {
      Country c = Country.fromIso(f.string("iso_a2"));
      if (c != null) {
        countries.put(c, crs.toMetric(f.geometry()));
      }
    }
    List<NamedArea> residential = new ArrayList<>();
    for (Feature f : read(dir, "residential.geojson")) {
      for (var p : RegionBuilder.polygons(crs.toMetric(f.geometry()))) {
        residential.add(new NamedArea(null, "residential area", p));
      }
    }
    List<NamedArea> prot = new ArrayList<>();
    for (Feature f : read(dir, "protected.geojson")) {
      prot.add(new NamedArea(f.string("name"), "protected area", crs.toMetric(f.geometry())));
    }
    return new Region(
        dir,
        m,
        lc.grid(),
        lc.data(),
        cc.data(),
        roads,
        settlements,
        borders,
        countries,
        residential,
        prot);
  }

  private static List<Feature> read(Path dir, String name) {
    return GeoJsonReader.readAll(dir.resolve(name));
  }

  public Path directory() {
    return dir;
  }

  /** The pack's region.json. */
  public JsonNode metadata() {
    return metadata;
  }

  public GridSpec grid() {
    return grid;
  }

  /** {@link LandCover} code per cell. */
  public byte[] landCover() {
    return landCover;
  }

  /** {@link Country} code per cell. */
  public byte[] country() {
    return country;
  }

  public RoadGraph roads() {
    return roads;
  }

  public List<Settlement> settlements() {
    return settlements;
  }

  /** Border lines by pair ("LT-BY", "LT-RU", "LT-PL", "LT-LV" …), LKS-94. */
  public Map<String, Geometry> borders() {
    return borders;
  }

  /** Country polygon (LKS-94), or null. */
  public Geometry countryPolygon(Country c) {
    return countries.get(c);
  }

  public List<NamedArea> residentialAreas() {
    return residential;
  }

  public List<NamedArea> protectedAreas() {
    return protectedAreas;
  }
}
