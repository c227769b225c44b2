package lt.skydas.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.Requests;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * OGC API – Tiles: every feature collection as Mapbox vector tiles in the WebMercatorQuad tile
 * matrix set (zoom 0 to {@value #MAX_ZOOM}), so QGIS and the web map draw the whole region without
 * downloading every feature: {@code /ogc/tileMatrixSets}, a collection's {@code /tiles} (tileset
 * list and metadata) and {@code /tiles/WebMercatorQuad/{z}/{y}/{x}}. Each tile holds the features
 * that intersect it (plus a 64-unit buffer), transformed to tile coordinates, simplified to a tenth
 * of a pixel and clipped; an empty tile is a 204. Stateless.
 */
final class OgcTiles {
  static final String TMS = "WebMercatorQuad";
  static final String CRS_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
  static final String MVT = "application/vnd.mapbox-vector-tile";
  static final int MAX_ZOOM = 18;
  static final List<String> CONFORMS =
      List.of(
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");

  private static final double R = 6378137.0;
  private static final double HALF = Math.PI * R;
  private static final int BUFFER = 64;
  private static final GeometryFactory GF = new GeometryFactory();

  private final Function<Context, String> base;
  private final Function<Context, String> collection;
  private final BiFunction<String, Envelope, List<Feature>> features;
  private final Function<String, String> title;
  private final Responses responses;

  /**
   * @param base the public base URL of a request
   * @param collection the collection id of a request's path, checked (a 404 if unknown)
   * @param features a collection's features (CRS84) whose envelope intersects a CRS84 box
   */
  OgcTiles(
      Function<Context, String> base,
      Function<Context, String> collection,
      BiFunction<String, Envelope, List<Feature>> features,
      Function<String, String> title,
      Responses responses) {
    this.base = base;
    this.collection = collection;
    this.features = features;
    this.title = title;
    this.responses = responses;
  }

  void routes(RouteTable s) {
    Access a = Access.ANY_USER;
    s.add(HandlerType.GET, "/ogc/tileMatrixSets", a, "tiles", "Tile matrix sets", this::sets);
    s.add(HandlerType.GET, "/ogc/tileMatrixSets/{tms}", a, "tiles", "A tile matrix set", this::set);
    s.add(
        HandlerType.GET,
        "/ogc/collections/{cid}/tiles",
        a,
        "tiles",
        "Vector tilesets of a collection",
        this::tilesets);
    s.add(
        HandlerType.GET,
        "/ogc/collections/{cid}/tiles/{tms}",
        a,
        "tiles",
        "A collection's vector tileset",
        this::tileset);
    s.add(
        HandlerType.GET,
        "/ogc/collections/{cid}/tiles/{tms}/{z}/{y}/{x}",
        a,
        "tiles",
        "A vector tile (Mapbox Vector Tile)",
        this::tile);
  }

  private void sets(Context ctx) {
    responses.json(ctx, 200, TileMatrixSets.list(base.apply(ctx)));
  }

  static void checkTms(Context ctx) {
    if (!TMS.equals(ctx.pathParam("tms"))) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          "no tile matrix set '" + Requests.clip(ctx.pathParam("tms")) + "' (" + TMS + ")");
    }
  }

  /** A tile matrix set's definition (either set; vector tiles are cut in WebMercatorQuad). */
  private void set(Context ctx) {
    responses.json(
        ctx,
        200,
        TileMatrixSets.definition(
            TileMatrixSets.of(ctx, List.of(lt.skydas.raster.TileScheme.values()))));
  }

  private Map<String, Object> tilesetDoc(Context ctx, String cid) {
    String b = base.apply(ctx) + "/ogc/collections/" + cid + "/tiles/" + TMS;
    Map<String, Object> d =
        tilesetDoc(
            base.apply(ctx),
            b,
            title.apply(cid),
            "vector",
            MVT,
            "Mapbox vector tiles",
            lt.skydas.raster.TileScheme.WEB_MERCATOR_QUAD);
    d.put("layers", List.of(Map.of("id", cid, "dataType", "vector")));
    return d;
  }

  /**
   * A WebMercatorQuad tileset document (OGC API – Tiles, tileset conformance class): self, the
   * tiling scheme and the templated tile link.
   *
   * @param base the public base URL
   * @param href the tileset's own URL, the tiles below it at {@code
   *     /{tileMatrix}/{tileRow}/{tileCol}}
   * @param dataType {@code vector} or {@code map}
   * @param mediaType the tiles' media type
   * @param scheme the tile matrix set the tiles are cut in
   */
  static Map<String, Object> tilesetDoc(
      String base,
      String href,
      String title,
      String dataType,
      String mediaType,
      String what,
      lt.skydas.raster.TileScheme scheme) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("title", title);
    d.put("dataType", dataType);
    d.put("crs", scheme == lt.skydas.raster.TileScheme.WEB_MERCATOR_QUAD ? CRS_3857 : OgcCrs.CRS84);
    d.put("tileMatrixSetURI", TileMatrixSets.uri(scheme));
    d.put("tileMatrixSetLimits", TileMatrixSets.limits(scheme));
    Map<String, Object> item =
        OgcApi.link(href + "/{tileMatrix}/{tileRow}/{tileCol}", "item", mediaType, what);
    item.put("templated", true);
    d.put(
        "links",
        List.of(
            OgcApi.link(href, "self", "application/json", "this tileset"),
            OgcApi.link(
                base + "/ogc/tileMatrixSets/" + scheme.id(),
                "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme",
                "application/json",
                scheme.id()),
            item));
    return d;
  }

  private void tilesets(Context ctx) {
    String cid = collection.apply(ctx);
    Map<String, Object> t = tilesetDoc(ctx, cid);
    t.remove("layers");
    responses.json(ctx, 200, Map.of("tilesets", List.of(t)));
  }

  private void tileset(Context ctx) {
    String cid = collection.apply(ctx);
    checkTms(ctx);
    responses.json(ctx, 200, tilesetDoc(ctx, cid));
  }

  static int index(Context ctx, String name, long max) {
    String v = ctx.pathParam(name);
    try {
      long i = Long.parseLong(v);
      if (i >= 0 && i < max) {
        return (int) i;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new SkydasProblem(
        ProblemCode.NOT_FOUND,
        "no tile: " + name + " '" + Requests.clip(v) + "' is outside 0.." + (max - 1));
  }

  private void tile(Context ctx) {
    String cid = collection.apply(ctx);
    checkTms(ctx);
    int z = index(ctx, "z", MAX_ZOOM + 1);
    int y = index(ctx, "y", 1L << z);
    int x = index(ctx, "x", 1L << z);
    byte[] t = encode(cid, z, x, y);
    if (t == null) {
      ctx.status(204);
      return;
    }
    ctx.status(200).contentType(MVT).result(t);
  }

  /** The tile's bytes, or null when no feature touches it. */
  byte[] encode(String cid, int z, int x, int y) {
    double size = 2 * HALF / (1L << z);
    double minX = -HALF + x * size, maxY = HALF - y * size;
    double unit = size / MvtEncoder.EXTENT;
    double pad = BUFFER * unit;
    Envelope merc = new Envelope(minX - pad, minX + size + pad, maxY - size - pad, maxY + pad);
    Envelope wgs =
        new Envelope(
            lon(merc.getMinX()), lon(merc.getMaxX()), lat(merc.getMinY()), lat(merc.getMaxY()));
    Envelope clip =
        new Envelope(-BUFFER, MvtEncoder.EXTENT + BUFFER, -BUFFER, MvtEncoder.EXTENT + BUFFER);
    MvtEncoder enc = new MvtEncoder();
    long n = 0;
    for (Feature f : features.apply(cid, wgs)) {
      n++;
      Geometry g = toTile(f.geometry(), minX, maxY, unit);
      if (!(g instanceof Puntal)) {
        g = clip(DouglasPeuckerSimplifier.simplify(g, 0.1 * 16), clip);
      } else if (!clip.intersects(g.getEnvelopeInternal())) {
        continue;
      }
      if (!g.isEmpty()) {
        enc.add(n, g, f.properties());
      }
    }
    return enc.count() == 0 ? null : enc.tile(cid);
  }

  /**
   * The part of a line or area inside the tile and its buffer; a geometry the overlay cannot clip
   * (made invalid by the simplification) is kept whole: a tile may reach past its buffer.
   */
  private static Geometry clip(Geometry g, Envelope box) {
    if (box.contains(g.getEnvelopeInternal())) {
      return g;
    }
    try {
      return g.intersection(GF.toGeometry(box));
    } catch (RuntimeException e) {
      return g;
    }
  }

  /** A CRS84 geometry in tile coordinates (x right, y down, 0..4096 across the tile). */
  static Geometry toTile(Geometry g, double minX, double maxY, double unit) {
    return XyMap.map(
        g,
        (x, y, out) -> {
          double mx = Math.toRadians(x) * R;
          double lat = Math.max(-85.0511287798, Math.min(85.0511287798, y));
          double my = R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
          out[0] = (mx - minX) / unit;
          out[1] = (maxY - my) / unit;
        });
  }

  private static double lon(double mx) {
    return Math.toDegrees(mx / R);
  }

  private static double lat(double my) {
    return Math.toDegrees(2 * Math.atan(Math.exp(my / R)) - Math.PI / 2);
  }
}
