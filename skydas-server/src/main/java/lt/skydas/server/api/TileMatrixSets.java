package lt.skydas.server.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.raster.MercatorTiles;
import lt.skydas.raster.TileScheme;
import lt.skydas.server.http.Requests;

/**
 * The tile matrix sets the server cuts tiles in (OGC 17-083r4 annex D): WebMercatorQuad for vector
 * and map tiles, WorldCRS84Quad for map tiles too. Definitions carry the TMS 2.0 names and, beside
 * them, the 1.0 ones ({@code identifier}, {@code supportedCRS}, {@code boundingBox}, {@code
 * topLeftCorner}) that GDAL before 3.7 reads. Tilesets carry full {@code tileMatrixSetLimits}: GDAL
 * 3.6's OGC API driver builds no dataset without them (a bug fixed in 3.8), and reads the
 * collection's CRS84 extent as if in the set's CRS, so it opens map tiles in WorldCRS84Quad (its
 * preferred set). Stateless.
 */
final class TileMatrixSets {
  static final String CRS_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
  static final int MAX_ZOOM = MercatorTiles.MAX_ZOOM;
  private static final double HALF = Math.PI * 6378137.0;

  private TileMatrixSets() {}

  static String uri(TileScheme s) {
    return "http://www.opengis.net/def/tilematrixset/OGC/1.0/" + s.id();
  }

  /** The scheme a request's {@code {tms}} names, among {@code allowed}; a 404 otherwise. */
  static TileScheme of(Context ctx, List<TileScheme> allowed) {
    String id = ctx.pathParam("tms");
    TileScheme s = TileScheme.of(id);
    if (s == null || !allowed.contains(s)) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          "no tile matrix set '"
              + Requests.clip(id)
              + "' here ("
              + String.join(", ", allowed.stream().map(TileScheme::id).toList())
              + ")");
    }
    return s;
  }

  /** The list at {@code /ogc/tileMatrixSets}. */
  static Map<String, Object> list(String base) {
    List<Map<String, Object>> sets = new ArrayList<>();
    for (TileScheme s : TileScheme.values()) {
      sets.add(
          Map.of(
              "id",
              s.id(),
              "title",
              title(s),
              "uri",
              uri(s),
              "links",
              List.of(
                  OgcApi.link(
                      base + "/ogc/tileMatrixSets/" + s.id(),
                      "self",
                      "application/json",
                      s.id()))));
    }
    return Map.of("tileMatrixSets", sets);
  }

  private static String title(TileScheme s) {
    return s == TileScheme.WEB_MERCATOR_QUAD
        ? "Google Maps compatible for the world"
        : "CRS84 for the world";
  }

  /** A set's definition (annex D.1 or D.2). */
  static Map<String, Object> definition(TileScheme s) {
    boolean mercator = s == TileScheme.WEB_MERCATOR_QUAD;
    double[] origin = mercator ? new double[] {-HALF, HALF} : new double[] {-180, 90};
    List<Map<String, Object>> ms = new ArrayList<>();
    for (int z = 0; z <= MAX_ZOOM; z++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", Integer.toString(z));
      m.put("identifier", Integer.toString(z));
      m.put("scaleDenominator", (mercator ? 559082264.0287178 : 279541132.0143589) / (1L << z));
      m.put("cellSize", (mercator ? 156543.03392804097 : 0.703125) / (1L << z));
      m.put("cornerOfOrigin", "topLeft");
      m.put("pointOfOrigin", List.of(origin[0], origin[1]));
      m.put("topLeftCorner", List.of(origin[0], origin[1]));
      m.put("tileWidth", MercatorTiles.SIZE);
      m.put("tileHeight", MercatorTiles.SIZE);
      m.put("matrixWidth", s.matrixWidth(z));
      m.put("matrixHeight", s.matrixHeight(z));
      ms.add(m);
    }
    String crs = mercator ? CRS_3857 : OgcCrs.CRS84;
    List<Double> lower = mercator ? List.of(-HALF, -HALF) : List.of(-180.0, -90.0);
    List<Double> upper = mercator ? List.of(HALF, HALF) : List.of(180.0, 90.0);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", s.id());
    d.put("identifier", s.id());
    d.put("title", title(s));
    d.put("uri", uri(s));
    d.put("crs", crs);
    d.put("supportedCRS", crs);
    d.put(
        "boundingBox",
        Map.of(
            "crs", crs,
            "lowerCorner", lower,
            "upperCorner", upper,
            "lowerLeft", lower,
            "upperRight", upper));
    d.put("orderedAxes", mercator ? List.of("X", "Y") : List.of("Lon", "Lat"));
    if (mercator) {
      d.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
    }
    d.put("tileMatrices", ms);
    return d;
  }

  /**
   * Every level's whole matrix as {@code tileMatrixSetLimits} (OGC 17-083r4,
   * 2DTileMatrixSetLimits).
   */
  static List<Map<String, Object>> limits(TileScheme s) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int z = 0; z <= MAX_ZOOM; z++) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("tileMatrix", Integer.toString(z));
      l.put("minTileRow", 0);
      l.put("maxTileRow", s.matrixHeight(z) - 1);
      l.put("minTileCol", 0);
      l.put("maxTileCol", s.matrixWidth(z) - 1);
      out.add(l);
    }
    return out;
  }
}
