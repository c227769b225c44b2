package lt.skydas.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.raster.GeoTiff;
import lt.skydas.raster.MercatorTiles;
import lt.skydas.raster.TileScheme;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.Requests;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;
import lt.skydas.server.jobs.Job;
import lt.skydas.server.jobs.JobManager;

/**
 * The isochrones (attacker arrival time, hours) of assessments as PNG map tiles in the
 * WebMercatorQuad tile matrix set, coloured by the report's time ramp (OGC API – Tiles, map
 * tilesets): for the web map, any job the caller may read at {@code
 * /api/jobs/{id}/isochrones/{case}/tiles/WebMercatorQuad/{z}/{y}/{x}}; for QGIS and GDAL, the
 * newest published assessment's cases as the OGC collections {@code isochrones-<case>} with {@code
 * /map/tiles}. A tile beside the raster or over cells nobody reaches is a 204. The hours themselves
 * are the job's Cloud-Optimised GeoTIFF, linked as the collection's {@code enclosure}.
 *
 * <p>Thread-safe: the decoded rasters (with their pyramids) are cached, the {@value #CACHED} most
 * recently used, keyed by file; a job's files do not change once it has succeeded.
 */
final class IsochroneTiles {
  static final String PREFIX = "isochrones-";
  private static final int CACHED = 3;
  private static final String PNG = "image/png";
  private static final String MAP_TILESETS = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map";

  /** The map tiles' sets: WebMercatorQuad (web maps, QGIS) and WorldCRS84Quad (GDAL 3.6). */
  static final List<TileScheme> SCHEMES =
      List.of(TileScheme.WEB_MERCATOR_QUAD, TileScheme.WORLD_CRS84_QUAD);

  private final JobManager jobs;
  private final Function<Context, String> base;
  private final Responses responses;
  private final Map<Path, MercatorTiles> cache = new LinkedHashMap<>(8, 0.75f, true);

  IsochroneTiles(JobManager jobs, Function<Context, String> base, Responses responses) {
    this.jobs = jobs;
    this.base = base;
    this.responses = responses;
  }

  void routes(RouteTable s) {
    Access a = Access.ANY_USER;
    String job = "/api/jobs/{id}/isochrones/{case}/tiles";
    s.add(HandlerType.GET, job, a, "jobs", "A job's isochrone map tilesets", this::jobTilesets);
    s.add(
        HandlerType.GET, job + "/{tms}", a, "jobs", "A job's isochrone tileset", this::jobTileset);
    s.add(
        HandlerType.GET,
        job + "/{tms}/{z}/{y}/{x}",
        a,
        "jobs",
        "A PNG map tile of a job's isochrones (arrival time)",
        this::jobTile);
    String ogc = "/ogc/collections/{cid}/map/tiles";
    s.add(HandlerType.GET, ogc, a, "tiles", "Map tilesets of a raster collection", this::tilesets);
    s.add(HandlerType.GET, ogc + "/{tms}", a, "tiles", "A map tileset", this::tileset);
    s.add(
        HandlerType.GET,
        ogc + "/{tms}/{z}/{y}/{x}",
        a,
        "tiles",
        "A PNG map tile of a raster collection",
        this::tile);
  }

  // ---- the newest published assessment's cases as OGC collections ----

  /** A case of a job: its id and its GeoTIFF in the job folder. */
  private record Iso(Job job, String caseId, Path tif) {}

  /** The isochrone cases of a job's result that have their GeoTIFF in the job folder. */
  private static List<Iso> cases(Job j) {
    List<Iso> out = new ArrayList<>();
    JsonNode r = j.snapshot().result();
    if (r == null || !r.path("isochrones").isArray()) {
      return out;
    }
    for (JsonNode i : r.path("isochrones")) {
      String cog = i.path("cog").asText("");
      String c = i.path("case").asText("");
      Path tif = j.dir().resolve(cog);
      if (!cog.isEmpty()
          && c.matches("[A-Za-z0-9_-]{1,64}")
          && tif.getParent().equals(j.dir())
          && Files.isRegularFile(tif)) {
        out.add(new Iso(j, c, tif));
      }
    }
    return out;
  }

  /** The newest published succeeded job's isochrone cases (none while there is none). */
  private List<Iso> published() {
    Job.Snapshot best = null;
    for (Job.Snapshot s : jobs.list(null)) {
      if (s.state() == Job.State.SUCCEEDED
          && s.published()
          && s.result() != null
          && s.result().path("isochrones").size() > 0
          && (best == null || s.publishedAt().isAfter(best.publishedAt()))) {
        best = s;
      }
    }
    return best == null ? List.of() : cases(jobs.find(best.id()).orElseThrow());
  }

  /** The collection ids, {@code isochrones-<case>}, of the newest published assessment. */
  List<String> ids() {
    return published().stream().map(i -> PREFIX + i.caseId()).toList();
  }

  boolean has(String cid) {
    return cid.startsWith(PREFIX) && find(cid) != null;
  }

  private Iso find(String cid) {
    for (Iso i : published()) {
      if ((PREFIX + i.caseId()).equals(cid)) {
        return i;
      }
    }
    return null;
  }

  private Iso collection(Context ctx) {
    String cid = ctx.pathParam("cid");
    Iso i = cid.startsWith(PREFIX) ? find(cid) : null;
    if (i == null) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND,
          "no raster collection '"
              + Requests.clip(cid)
              + "' (the isochrones of the newest published assessment are isochrones-<case>)");
    }
    return i;
  }

  /** The title of a case's tiles; {@code caseId} may carry the collection prefix. */
  static String title(String caseId) {
    return "Attacker arrival time, "
        + caseId.replace(PREFIX, "").replace('-', ' ')
        + " (hours; newest published assessment)";
  }

  /** The collection's description: extent, CRS, its map tilesets and the GeoTIFF of the hours. */
  Map<String, Object> describe(Context ctx, String cid, boolean withExtent) {
    Iso i = find(cid);
    if (i == null) {
      throw new SkydasProblem(ProblemCode.NOT_FOUND, "no collection '" + Requests.clip(cid) + "'");
    }
    String b = base.apply(ctx);
    String self = b + "/ogc/collections/" + cid;
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", cid);
    c.put("title", title(i.caseId()));
    c.put(
        "description",
        "Colour classes: < 1, 2, 4, 8, 16, 32 h and beyond; transparent: not reached");
    c.put("crs", List.of(OgcCrs.CRS84));
    if (withExtent) { // the raster is decoded for it: not for the list of collections
      double[] box = tiles(i.tif()).lonLatBox();
      c.put(
          "extent",
          Map.of("spatial", Map.of("bbox", List.of(List.of(box[0], box[1], box[2], box[3])))));
    }
    c.put(
        "links",
        List.of(
            OgcApi.link(self, "self", "application/json", "this collection"),
            OgcApi.link(self + "/map/tiles", MAP_TILESETS, "application/json", "map tiles"),
            OgcApi.link(
                b + "/api/jobs/" + i.job().id() + "/files/" + i.tif().getFileName(),
                "enclosure",
                "image/tiff; application=geotiff; profile=cloud-optimized",
                "the arrival time in hours (Cloud-Optimised GeoTIFF)")));
    return c;
  }

  private void tilesets(Context ctx) {
    Iso i = collection(ctx);
    String href = base.apply(ctx) + "/ogc/collections/" + PREFIX + i.caseId() + "/map/tiles";
    responses.json(ctx, 200, Map.of("tilesets", docs(ctx, href, i)));
  }

  private void tileset(Context ctx) {
    Iso i = collection(ctx);
    TileScheme scheme = TileMatrixSets.of(ctx, SCHEMES);
    String href = base.apply(ctx) + "/ogc/collections/" + PREFIX + i.caseId() + "/map/tiles";
    responses.json(ctx, 200, doc(ctx, href, i, scheme));
  }

  private void tile(Context ctx) {
    png(ctx, collection(ctx));
  }

  // ---- a job's own isochrones (the web map; private runs included) ----

  private Iso jobCase(Context ctx) {
    Job j = JobApi.visible(jobs, ctx);
    String c = ctx.pathParam("case");
    for (Iso i : cases(j)) {
      if (i.caseId().equals(c)) {
        return i;
      }
    }
    throw new SkydasProblem(
        ProblemCode.NOT_FOUND, "job " + j.id() + " has no isochrones '" + Requests.clip(c) + "'");
  }

  private String jobHref(Context ctx, Iso i) {
    return base.apply(ctx) + "/api/jobs/" + i.job().id() + "/isochrones/" + i.caseId() + "/tiles";
  }

  private void jobTilesets(Context ctx) {
    Iso i = jobCase(ctx);
    responses.json(ctx, 200, Map.of("tilesets", docs(ctx, jobHref(ctx, i), i)));
  }

  private void jobTileset(Context ctx) {
    Iso i = jobCase(ctx);
    responses.json(ctx, 200, doc(ctx, jobHref(ctx, i), i, TileMatrixSets.of(ctx, SCHEMES)));
  }

  private void jobTile(Context ctx) {
    png(ctx, jobCase(ctx));
  }

  // ---- shared ----

  /** A case's map tilesets, one per tile matrix set. */
  private List<Map<String, Object>> docs(Context ctx, String tilesHref, Iso i) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TileScheme s : SCHEMES) {
      out.add(doc(ctx, tilesHref, i, s));
    }
    return out;
  }

  private Map<String, Object> doc(Context ctx, String tilesHref, Iso i, TileScheme scheme) {
    Map<String, Object> d =
        OgcTiles.tilesetDoc(
            base.apply(ctx),
            tilesHref + "/" + scheme.id(),
            title(i.caseId()),
            "map",
            PNG,
            "PNG map tiles",
            scheme);
    double[] box = tiles(i.tif()).lonLatBox();
    d.put(
        "boundingBox",
        Map.of(
            "lowerLeft",
            List.of(box[0], box[1]),
            "upperRight",
            List.of(box[2], box[3]),
            "crs",
            OgcCrs.CRS84));
    return d;
  }

  private void png(Context ctx, Iso i) {
    TileScheme scheme = TileMatrixSets.of(ctx, SCHEMES);
    int z = OgcTiles.index(ctx, "z", MercatorTiles.MAX_ZOOM + 1);
    int y = OgcTiles.index(ctx, "y", scheme.matrixHeight(z));
    int x = OgcTiles.index(ctx, "x", scheme.matrixWidth(z));
    byte[] t = tiles(i.tif()).png(scheme, z, x, y, MercatorTiles::hoursColor);
    if (t == null) {
      ctx.status(204);
      return;
    }
    ctx.status(200).contentType(PNG).result(t);
  }

  /** The raster of a job's GeoTIFF, decoded once and kept while recently used. */
  private synchronized MercatorTiles tiles(Path tif) {
    MercatorTiles t = cache.get(tif);
    if (t == null) {
      t = new MercatorTiles(GeoTiff.readFloat(tif));
      cache.put(tif, t);
      if (cache.size() > CACHED) {
        cache.remove(cache.keySet().iterator().next());
      }
    }
    return t;
  }
}
