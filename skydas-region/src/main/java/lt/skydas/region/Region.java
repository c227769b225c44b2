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
import java.util.Optional;
import lt.skydas.core.geo.Crs;
import lt.skydas.core.geo.GridSpec;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonReader;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.raster.ByteRaster;
import lt.skydas.raster.FloatRaster;
import lt.skydas.raster.GeoTiff;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * A loaded region pack ({@link RegionBuilder}): land-cover and country rasters on {@link #grid()},
 * the road graph, settlements, borders, country, residential and protected areas, all in LKS-94
 * metres (EPSG:3346). Immutable by contract: the raster arrays are exposed, not copied, and must
 * not be modified. Thread-safe for reading. Non-null everywhere except {@link #countryPolygon}.
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
  private final Buildings buildings;
  private final RegionDefinition definition;

  /** The file of a pack holding the region definition it was built from. */
  public static final String DEFINITION_FILE = "definition.json";

  /** The stored DEM, read on first use ({@link #findDem()}). */
  private volatile float[] dem;

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
      List<NamedArea> protectedAreas,
      Buildings buildings,
      RegionDefinition definition) {
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
    this.buildings = buildings;
    this.definition = definition;
  }

  private static final String REBUILD = "; rebuild the pack with `skydas region build`";

  /**
   * Loads the pack in {@code dir}.
   *
   * @throws SkydasProblem NOT_FOUND when {@code dir} is not a pack or a pack file is missing;
   *     BAD_INPUT when the pack has another format version, is truncated or inconsistent. The
   *     message names the file and says to rebuild the pack.
   */
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
          meta.toString(), null, "unreadable region.json (" + e.getMessage() + ")" + REBUILD);
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
              + ")"
              + REBUILD);
    }
    try {
      return loadFiles(dir, m);
    } catch (SkydasProblem p) {
      if (p.getMessage().contains("skydas region build")) {
        throw p;
      }
      throw new SkydasProblem(p.code(), p.getMessage() + REBUILD, p.details(), p);
    }
  }

  private static Region loadFiles(Path dir, JsonNode m) {
    ByteRaster lc = GeoTiff.readByte(dir.resolve("landcover.tif"));
    ByteRaster cc = GeoTiff.readByte(dir.resolve("country.tif"));
    if (!lc.grid().equals(cc.grid())
        || lc.grid().width() != m.path("width").asInt()
        || lc.grid().height() != m.path("height").asInt()) {
      throw SkydasProblem.badInput(
          dir.toString(), null, "land-cover and country rasters do not match region.json");
    }
    RoadGraph roads;
    Path rb = dir.resolve("roads.bin");
    if (!Files.isRegularFile(rb)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND, rb + ": no such file", Map.of("file", rb.toString()));
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(rb), 1 << 16)) {
      roads = RoadGraph.read(in, rb.toString());
    } catch (IOException e) {
      throw SkydasProblem.badInput(rb.toString(), null, e.getMessage());
    }
    Crs crs = Crs.of(lc.grid().epsg());
    List<Settlement> settlements = new ArrayList<>();
    Coordinate xy = new Coordinate();
    for (Feature f : read(dir, "settlements.geojson")) {
      Coordinate c = f.geometry().getCoordinate();
      crs.toMetric(c.x, c.y, xy);
      Object pop = f.properties().get("population");
      settlements.add(
          new Settlement(
              f.string("name"),
              f.string("name_ascii"),
              f.string("place"),
              pop instanceof Number n ? n.longValue() : null,
              f.string("country"),
              xy.x,
              xy.y,
              c.x,
              c.y));
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
      String cls = f.string("class");
      String kind =
          cls == null || cls.isBlank()
              ? "protected area"
              : cls.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
      prot.add(new NamedArea(f.string("name"), kind, crs.toMetric(f.geometry())));
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
        prot,
        Buildings.read(dir.resolve(Buildings.FILE)),
        RegionDefinition.read(dir.resolve(DEFINITION_FILE)));
  }

  private static List<Feature> read(Path dir, String name) {
    return GeoJsonReader.readAll(dir.resolve(name));
  }

  public Path directory() {
    return dir;
  }

  /** The pack's region.json. */
  /** The region definition the pack was built from (home countries, hostile borders, …). */
  public RegionDefinition definition() {
    return definition;
  }

  public JsonNode metadata() {
    return metadata;
  }

  /** The calling thread's transformer between lon/lat and the pack's map CRS. */
  public Crs crs() {
    return Crs.of(grid.epsg());
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

  /** Country polygon (LKS-94 metres), or null when the pack has none for {@code c}. */
  public Geometry countryPolygon(Country c) {
    return countries.get(c);
  }

  public List<NamedArea> residentialAreas() {
    return residential;
  }

  public List<NamedArea> protectedAreas() {
    return protectedAreas;
  }

  /** Every building the pack holds (points in the map CRS; none when it was built without). */
  public Buildings buildings() {
    return buildings;
  }

  /**
   * The ground elevation stored with the pack ({@code region build --dem}), metres per cell of
   * {@link #grid()} (NaN = nodata; holes over land filled, see {@code package.md}), or empty when
   * the pack has none. Read from {@code dem.tif} on first call (thread-safe), then shared: do not
   * modify the array.
   *
   * @throws SkydasProblem NOT_FOUND or BAD_INPUT when region.json names a DEM that is missing or
   *     not on the pack's grid
   */
  public Optional<float[]> findDem() {
    JsonNode entry = metadata.path("dem");
    if (!entry.isObject()) {
      return Optional.empty();
    }
    float[] d = dem;
    if (d == null) {
      synchronized (this) {
        if (dem == null) {
          dem = readDem(dir.resolve(entry.path("file").asText(PackDem.FILE)));
        }
        d = dem;
      }
    }
    return Optional.of(d);
  }

  private float[] readDem(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          file + ": no such file (named in region.json)" + REBUILD,
          Map.of("file", file.toString()));
    }
    FloatRaster r = GeoTiff.readFloat(file);
    if (!r.grid().equals(grid)) {
      throw SkydasProblem.badInput(
          file.toString(), null, "the DEM is not on the pack's grid" + REBUILD);
    }
    return r.data();
  }
}
