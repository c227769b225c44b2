package lt.skydas.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.core.geojson.Feature;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.exchange.RegistryExchange;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.Requests;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;
import lt.skydas.server.jobs.JobManager;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API – Features: Part 1 Core (landing page, conformance, collections, items with {@code bbox},
 * {@code limit} and {@code offset} paging, single items) in GeoJSON and HTML; Part 2 (features in
 * EPSG:4326 and the home countries' grids on {@code crs}, boxes in them on {@code bbox-crs}, {@link
 * OgcCrs}); Part 3 (each collection's {@code /queryables}, {@code filter} in CQL2 text, {@link
 * Cql2}) — for the region's layers, the registry's obstacles, minefields, sensor sites, depots and
 * shelters, the coverage of those sites, and the avenues and warning times of the newest published
 * assessment. Readable by QGIS and GDAL's OAPIF driver.
 */
public final class OgcApi {
  /** The registry's collections, in listing order, and the kind of record each serves. */
  private static final Map<String, RecordKind> REGISTRY_COLLECTIONS = registryCollections();

  private static Map<String, RecordKind> registryCollections() {
    Map<String, RecordKind> m = new LinkedHashMap<>();
    m.put("obstacles", RecordKind.OBSTACLE);
    m.put("minefields", RecordKind.MINEFIELD);
    m.put("sensors", RecordKind.SENSOR);
    m.put("depots", RecordKind.DEPOT);
    m.put("shelters", RecordKind.SHELTER);
    return Collections.unmodifiableMap(m);
  }

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;
  static final List<String> CONFORMS =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
          "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
          "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus");

  /** The features and tiles conformance classes together. */
  static final List<String> ALL_CONFORMS =
      java.util.stream.Stream.concat(CONFORMS.stream(), OgcTiles.CONFORMS.stream()).toList();

  static final String QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

  private final Registry registry;
  private final lt.skydas.server.http.PublicBase publicBase;
  private final Layers layers;
  private final Responses responses;

  /** Collections of the newest published assessment, in listing order. */
  private final List<JobLayer> assessed;

  private final CoverageSource coverageSource;

  /** The neighbours' lines and the sensor coverage, rebuilt when the registry changes. */
  private final DerivedLayers derived;

  /** Vector tiles of every collection (OGC API – Tiles). */
  private final OgcTiles tiles;

  /** The isochrones as PNG map tiles: raster collections and a job's own. */
  private final IsochroneTiles isochrones;

  /**
   * @param layerDir folder of the region's GeoJSON layers; null for none
   * @param coverage computes the {@code coverage} collection from the sensor records; null for none
   */
  public OgcApi(
      Registry registry,
      Path layerDir,
      JobManager jobs,
      Responses responses,
      CoverageSource coverage,
      lt.skydas.server.http.PublicBase publicBase) {
    this.publicBase = publicBase;
    this.registry = registry;
    this.layers = new Layers(layerDir);
    this.assessed =
        List.of(
            new JobLayer(
                AVENUES, "avenues.geojson", "no finished assessment has avenues yet", jobs),
            new JobLayer(
                WARNING, "warning.geojson", "no finished assessment has warning times yet", jobs),
            new JobLayer(
                CIVILIANS,
                "civilians.geojson",
                "no finished assessment has civilians in reach yet",
                jobs));
    this.responses = responses;
    this.coverageSource = coverage;
    this.derived = new DerivedLayers(registry, coverage);
    this.tiles = new OgcTiles(this::base, this::cid, this::featuresIn, this::title, responses);
    this.isochrones = new IsochroneTiles(jobs, this::base, responses);
  }

  /** A collection's features (CRS84) whose envelope meets a CRS84 box: the tiles' source. */
  private List<Feature> featuresIn(String id, Envelope box) {
    List<Feature> out = new ArrayList<>();
    if (isRegistry(id)) {
      for (RegistryRecord r :
          registry.list(box, null, REGISTRY_COLLECTIONS.get(id), Integer.MAX_VALUE, 0)) {
        out.add(new Feature(r.id(), 0, r.geometry(), RegistryExchange.featureProperties(r)));
      }
      return out;
    }
    Layers.Layer l = layer(id);
    for (int i : l.query(box)) {
      out.add(l.features().get(i));
    }
    return out;
  }

  /** Declares the OGC API routes. */
  public void routes(RouteTable s) {
    tiles.routes(s);
    isochrones.routes(s);
    Access a = Access.ANY_USER;
    s.add(HandlerType.GET, "/ogc", a, "features", "OGC API landing page", this::landing);
    s.add(
        HandlerType.GET,
        "/ogc/conformance",
        a,
        "features",
        "Conformance classes",
        this::conformance);
    s.add(
        HandlerType.GET,
        "/ogc/collections",
        a,
        "features",
        "Feature collections",
        this::collections);
    s.add(
        HandlerType.GET,
        "/ogc/collections/{cid}",
        a,
        "features",
        "One collection",
        this::collection);
    s.add(
        HandlerType.GET,
        "/ogc/collections/{cid}/queryables",
        a,
        "features",
        "The properties a filter may name (JSON Schema)",
        this::queryables);
    s.add(
        HandlerType.GET,
        "/ogc/collections/{cid}/items",
        a,
        "features",
        "Features of a collection",
        null,
        OgcParams.ITEMS,
        this::items);
    s.add(
        HandlerType.GET,
        "/ogc/collections/{cid}/items/{fid}",
        a,
        "features",
        "One feature",
        null,
        OgcParams.ITEM,
        this::item);
  }

  private String base(Context ctx) {
    return publicBase.of(ctx);
  }

  /** An OGC link object (title left out when null). */
  static Map<String, Object> link(String href, String rel, String type, String title) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("href", href);
    m.put("rel", rel);
    m.put("type", type);
    if (title != null) {
      m.put("title", title);
    }
    return m;
  }

  // ---- collections ----

  private List<String> collectionIds() {
    List<String> ids = new ArrayList<>(REGISTRY_COLLECTIONS.keySet());
    for (JobLayer l : assessed) {
      if (l.exists()) {
        ids.add(l.id());
      }
    }
    if (coverageSource != null) {
      ids.add(COVERAGE);
    }
    ids.add(NEIGHBOURS);
    ids.addAll(layers.ids());
    return ids;
  }

  private String title(String id) {
    return CollectionTitles.of(id);
  }

  /**
   * A collection's description; {@code withExtent} loads the layer for its extent (not for the list
   * of collections: it would load every region layer, hundreds of MB, to throw it away).
   */
  private Map<String, Object> describe(Context ctx, String id, boolean withExtent) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    c.put("title", title(id));
    c.put("itemType", "feature");
    c.put("crs", OgcCrs.uris());
    c.put("storageCrs", OgcCrs.CRS84);
    Envelope e = withExtent ? extent(id) : null;
    if (e != null && !e.isNull()) {
      c.put(
          "extent",
          Map.of(
              "spatial",
              Map.of(
                  "bbox", List.of(List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())))));
    }
    String b = base(ctx) + "/ogc/collections/" + id;
    c.put(
        "links",
        List.of(
            link(b, "self", "application/json", "this collection"),
            link(b + "?f=html", "alternate", "text/html", "this collection as HTML"),
            link(b + "/items", "items", "application/geo+json", "items"),
            link(b + "/items?f=html", "items", "text/html", "items as HTML"),
            link(b + "/queryables", QUERYABLES_REL, "application/schema+json", "queryables"),
            link(
                b + "/tiles",
                "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector",
                "application/json",
                "vector tiles")));
    return c;
  }

  /** A collection's extent: a region layer's, or the records' of a registry collection. */
  private Envelope extent(String id) {
    if (layers.has(id)) {
      return layers.get(id).extent();
    }
    if (isRegistry(id)) {
      Envelope e = new Envelope();
      for (RegistryRecord r :
          registry.list(null, null, REGISTRY_COLLECTIONS.get(id), Integer.MAX_VALUE, 0)) {
        e.expandToInclude(r.geometry().getEnvelopeInternal());
      }
      return e;
    }
    return null;
  }

  private void queryables(Context ctx) {
    OgcQuery.onlyKnown(ctx, java.util.Set.of("f"));
    String id = cid(ctx);
    Map<String, Object> doc =
        Queryables.document(
            base(ctx) + "/ogc/collections/" + id + "/queryables", title(id), queryablesOf(id));
    if (Requests.wantsHtml(ctx)) {
      responses.html(ctx, Html.document("Queryables of " + title(id), doc));
    } else {
      ctx.status(200)
          .contentType("application/schema+json")
          .result(responses.mapper().valueToTree(doc).toString());
    }
  }

  private Map<String, Map<String, Object>> queryablesOf(String id) {
    return isRegistry(id) ? Queryables.registry() : Queryables.of(layer(id).features());
  }

  private void landing(Context ctx) {
    String b = base(ctx);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "Skydas");
    m.put("description", "Counter-mobility planning and the obstacle and minefield registry");
    m.put(
        "links",
        List.of(
            link(b + "/ogc", "self", "application/json", "this document"),
            link(b + "/ogc?f=html", "alternate", "text/html", "this document as HTML"),
            link(
                b + "/api/openapi.json",
                "service-desc",
                "application/vnd.oai.openapi+json;version=3.0",
                "API definition"),
            link(b + "/ogc/conformance", "conformance", "application/json", "conformance"),
            link(b + "/ogc/collections", "data", "application/json", "collections"),
            link(
                b + "/ogc/tileMatrixSets",
                "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes",
                "application/json",
                "tile matrix sets")));
    respond(ctx, m, "Skydas OGC API");
  }

  private void conformance(Context ctx) {
    respond(ctx, Map.of("conformsTo", ALL_CONFORMS), "Conformance");
  }

  private void collections(Context ctx) {
    List<Map<String, Object>> cs = new ArrayList<>();
    for (String id : collectionIds()) {
      cs.add(describe(ctx, id, false));
    }
    for (String id : isochrones.ids()) {
      cs.add(isochrones.describe(ctx, id, false));
    }
    respond(
        ctx,
        Map.of(
            "links",
            List.of(link(base(ctx) + "/ogc/collections", "self", "application/json", null)),
            "collections",
            cs),
        "Collections");
  }

  private String cid(Context ctx) {
    String id = ctx.pathParam("cid");
    if (!collectionIds().contains(id)) {
      if (isochrones.has(id)) {
        throw new SkydasProblem(
            ProblemCode.NOT_FOUND,
            "collection '" + id + "' is a map: it has no features (its PNG tiles are /map/tiles)");
      }
      throw new SkydasProblem(ProblemCode.NOT_FOUND, "no collection '" + Requests.clip(id) + "'");
    }
    return id;
  }

  private void collection(Context ctx) {
    if (isochrones.has(ctx.pathParam("cid"))) {
      String id = ctx.pathParam("cid");
      respond(ctx, isochrones.describe(ctx, id, true), IsochroneTiles.title(id));
      return;
    }
    String id = cid(ctx);
    respond(ctx, describe(ctx, id, true), title(id));
  }

  // ---- items ----

  /**
   * @param matched the features matching in all (null: not counted)
   * @param cut the page was ended by the vertex budget before the limit
   */
  private record Page(List<Map.Entry<String, Feature>> features, Long matched, boolean cut) {}

  private Page page(String id, Envelope bbox, int limit, int offset) {
    List<Map.Entry<String, Feature>> out = new ArrayList<>();
    if (isRegistry(id)) {
      RecordKind k = REGISTRY_COLLECTIONS.get(id);
      RecordPages.Page page = RecordPages.read(registry, bbox, null, k, limit, offset);
      for (RegistryRecord r : page.records()) {
        out.add(
            Map.entry(
                r.id(),
                new Feature(r.id(), 0, r.geometry(), RegistryExchange.featureProperties(r))));
      }
      // counted, so the client knows the total and gets no next link to an empty page
      return new Page(out, registry.count(bbox, null, k), page.cut());
    }
    Layers.Layer l = layer(id);
    List<Integer> hits = l.query(bbox);
    for (int i = offset; i < hits.size() && out.size() < limit; i++) {
      int fi = hits.get(i);
      out.add(Map.entry(Integer.toString(fi), l.features().get(fi)));
    }
    return new Page(out, (long) hits.size(), false);
  }

  /** A collection that is not the registry's: a job's, the coverage or a region layer. */
  private Layers.Layer layer(String id) {
    for (JobLayer l : assessed) {
      if (l.id().equals(id)) {
        return l.get();
      }
    }
    if (id.equals(NEIGHBOURS)) {
      return derived.neighbours();
    }
    return id.equals(COVERAGE) ? derived.coverage() : layers.get(id);
  }

  static final String AVENUES = "avenues";
  static final String WARNING = "warning";
  static final String CIVILIANS = "civilians";
  static final String COVERAGE = "coverage";
  static final String NEIGHBOURS = "neighbour-lines";

  private void items(Context ctx) throws IOException {
    OgcQuery.onlyKnown(ctx, OgcQuery.ITEM_PARAMS);
    String id = cid(ctx);
    OgcQuery q = OgcQuery.of(ctx, queryablesOf(id).keySet());
    Page p = q.filter() == null ? page(id, q.bbox(), q.limit(), q.offset()) : filtered(id, q);
    List<Map<String, Object>> links = pageLinks(ctx, id, p, q);
    if (Requests.wantsHtml(ctx)) {
      responses.html(ctx, Html.items(title(id), p.features(), links));
      return;
    }
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("timeStamp", Instant.now().toString());
    if (p.matched() != null) {
      members.put("numberMatched", p.matched());
    }
    members.put("numberReturned", p.features().size());
    members.put("links", links);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter w = new GeoJsonWriter(out, q.crs().epsg() <= 4326 ? 7 : 3, members)) {
      for (Map.Entry<String, Feature> f : p.features()) {
        Feature v = f.getValue();
        w.feature(f.getKey(), OgcCrs.fromCrs84(v.geometry(), q.crs()), v.properties());
      }
    }
    ctx.header("Content-Crs", "<" + q.crs().uri() + ">");
    responses.geoJson(ctx, 200, out.toString(StandardCharsets.UTF_8));
  }

  /**
   * A page of the features that pass the filter: all in the box are read and tested (the registry
   * through its bbox index), then paged, up to the vertex budget of {@link RecordPages}.
   */
  private Page filtered(String id, OgcQuery q) {
    List<Map.Entry<String, Feature>> hits = new ArrayList<>();
    if (isRegistry(id)) {
      for (RegistryRecord r :
          registry.list(q.bbox(), null, REGISTRY_COLLECTIONS.get(id), Integer.MAX_VALUE, 0)) {
        Feature f = new Feature(r.id(), 0, r.geometry(), RegistryExchange.featureProperties(r));
        if (q.filter().test(f.properties(), f.geometry())) {
          hits.add(Map.entry(r.id(), f));
        }
      }
    } else {
      Layers.Layer l = layer(id);
      for (int fi : l.query(q.bbox())) {
        Feature f = l.features().get(fi);
        if (q.filter().test(f.properties(), f.geometry())) {
          hits.add(Map.entry(Integer.toString(fi), f));
        }
      }
    }
    List<Map.Entry<String, Feature>> out = new ArrayList<>();
    long vertices = 0;
    boolean cut = false;
    for (int i = q.offset(); i < hits.size() && out.size() < q.limit(); i++) {
      int v = hits.get(i).getValue().geometry().getNumPoints();
      if (!out.isEmpty() && vertices + v > RecordPages.MAX_VERTICES) {
        cut = true;
        break;
      }
      out.add(hits.get(i));
      vertices += v;
    }
    return new Page(out, (long) hits.size(), cut);
  }

  /** self, alternate, next (when there may be more) and collection links of a page of items. */
  private List<Map<String, Object>> pageLinks(Context ctx, String id, Page p, OgcQuery q) {
    String self = base(ctx) + "/ogc/collections/" + id + "/items";
    String at = self + "?limit=" + q.limit() + "&offset=" + q.offset() + q.carried();
    List<Map<String, Object>> links = new ArrayList<>();
    links.add(link(at, "self", "application/geo+json", null));
    links.add(link(at + "&f=html", "alternate", "text/html", "this page as HTML"));
    boolean more =
        p.matched() != null
            ? q.offset() + p.features().size() < p.matched()
            : p.features().size() == q.limit();
    if (more) {
      links.add(
          link(
              self
                  + "?limit="
                  + q.limit()
                  + "&offset="
                  + (q.offset() + p.features().size())
                  + q.carried(),
              "next",
              "application/geo+json",
              "next page"));
    }
    links.add(link(base(ctx) + "/ogc/collections/" + id, "collection", "application/json", null));
    return links;
  }

  private void item(Context ctx) throws IOException {
    OgcQuery.onlyKnown(ctx, OgcQuery.ITEM_ONE_PARAMS);
    String id = cid(ctx);
    String fid = ctx.pathParam("fid");
    OgcCrs.Ref crs = OgcQuery.crs(ctx, "crs");
    Feature f = isRegistry(id) ? recordFeature(id, fid) : layerFeature(id, fid);
    if (Requests.wantsHtml(ctx)) {
      responses.html(ctx, Html.items(title(id), List.of(Map.entry(fid, f)), List.of()));
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter w = new GeoJsonWriter(out, crs.epsg() <= 4326 ? 7 : 3)) {
      w.feature(fid, OgcCrs.fromCrs84(f.geometry(), crs), f.properties());
    }
    ObjectMapper json = responses.mapper();
    ObjectNode feat = (ObjectNode) json.readTree(out.toByteArray()).get("features").get(0);
    String collection = base(ctx) + "/ogc/collections/" + id;
    String self = collection + "/items/" + fid;
    feat.set(
        "links",
        json.valueToTree(
            List.of(
                link(self, "self", "application/geo+json", null),
                link(self + "?f=html", "alternate", "text/html", "this feature as HTML"),
                link(collection, "collection", "application/json", null))));
    ctx.header("Content-Crs", "<" + crs.uri() + ">");
    responses.geoJson(ctx, 200, feat);
  }

  private static boolean isRegistry(String collection) {
    return REGISTRY_COLLECTIONS.containsKey(collection);
  }

  private Feature recordFeature(String collection, String fid) {
    RecordKind kind = REGISTRY_COLLECTIONS.get(collection);
    RegistryRecord r =
        registry
            .find(fid)
            .filter(x -> x.kind() == kind)
            .orElseThrow(() -> noFeature(collection, fid));
    return new Feature(r.id(), 0, r.geometry(), RegistryExchange.featureProperties(r));
  }

  private Feature layerFeature(String collection, String fid) {
    Layers.Layer l = layer(collection);
    int i;
    try {
      i = Integer.parseInt(fid);
    } catch (NumberFormatException e) {
      i = -1;
    }
    if (i < 0 || i >= l.features().size()) {
      throw noFeature(collection, fid);
    }
    return l.features().get(i);
  }

  private static SkydasProblem noFeature(String collection, String fid) {
    return new SkydasProblem(
        ProblemCode.NOT_FOUND, "no feature '" + Requests.clip(fid) + "' in " + collection);
  }

  private void respond(Context ctx, Map<String, Object> doc, String title) {
    if (Requests.wantsHtml(ctx)) {
      responses.html(ctx, Html.document(title, doc));
    } else {
      responses.json(ctx, 200, doc);
    }
  }
}
