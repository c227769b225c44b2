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
import lt.skydas.registry.Status;
import lt.skydas.registry.exchange.RegistryExchange;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.Requests;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;
import lt.skydas.server.jobs.JobManager;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API – Features – Part 1: Core (landing page, conformance, collections, items with {@code
 * bbox}, {@code limit} and {@code offset} paging, single items) in GeoJSON and HTML, for the
 * region's layers, the registry's obstacles, minefields and sensor sites, the coverage of those
 * sites, and the avenues and warning times of the newest published assessment. CRS84 only. Readable
 * by QGIS and GDAL's OAPIF driver.
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
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

  private final Registry registry;
  private final lt.skydas.server.http.PublicBase publicBase;
  private final Layers layers;
  private final Responses responses;

  /** Collections of the newest published assessment, in listing order. */
  private final List<JobLayer> assessed;

  private final CoverageSource coverageSource;

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
  }

  /** Declares the OGC API routes. */
  public void routes(RouteTable s) {
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
        "/ogc/collections/{cid}/items",
        a,
        "features",
        "Features of a collection",
        this::items);
    s.add(
        HandlerType.GET,
        "/ogc/collections/{cid}/items/{fid}",
        a,
        "features",
        "One feature",
        this::item);
  }

  private String base(Context ctx) {
    return publicBase.of(ctx);
  }

  private static Map<String, Object> link(String href, String rel, String type, String title) {
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
    return switch (id) {
      case "obstacles" -> "Registered obstacles";
      case "minefields" -> "Registered minefields";
      case "sensors" -> "Registered sensor, EW and counter-drone sites";
      case "depots" -> "Registered ammunition and stock depots";
      case "shelters" -> "Registered civil-protection shelters (capacity, protection, status)";
      case AVENUES -> "Avenues of approach (newest published assessment)";
      case WARNING -> "Warning time (newest published assessment)";
      case CIVILIANS ->
          "Settlements in the attacker's 48 h reach: evacuation time, warning needed, cut off"
              + " (newest published assessment)";
      case NEIGHBOURS ->
          "Neighbours' lines: other countries' obstacles and sensors as imported, read-only"
              + " (owner and provenance on each)";
      case COVERAGE ->
          "Observed area per target class of the registered sensor sites (recomputed when they"
              + " change)";
      default -> "Region layer " + id + " (© OpenStreetMap contributors, ODbL)";
    };
  }

  private Map<String, Object> describe(Context ctx, String id) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    c.put("title", title(id));
    c.put("itemType", "feature");
    c.put("crs", List.of("http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
    if (layers.has(id)) {
      Envelope e = layers.get(id).extent();
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
            link(b + "/items", "items", "application/geo+json", "items"),
            link(b + "/items?f=html", "items", "text/html", "items as HTML")));
    return c;
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
            link(
                b + "/api/openapi.json",
                "service-desc",
                "application/vnd.oai.openapi+json;version=3.0",
                "API definition"),
            link(b + "/ogc/conformance", "conformance", "application/json", "conformance"),
            link(b + "/ogc/collections", "data", "application/json", "collections")));
    respond(ctx, m, "Skydas OGC API");
  }

  private void conformance(Context ctx) {
    respond(ctx, Map.of("conformsTo", CONFORMS), "Conformance");
  }

  private void collections(Context ctx) {
    List<Map<String, Object>> cs = new ArrayList<>();
    for (String id : collectionIds()) {
      Map<String, Object> c = describe(ctx, id);
      c.remove("extent"); // loading every layer for the list would be slow
      cs.add(c);
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
      throw new SkydasProblem(ProblemCode.NOT_FOUND, "no collection '" + Requests.clip(id) + "'");
    }
    return id;
  }

  private void collection(Context ctx) {
    String id = cid(ctx);
    respond(ctx, describe(ctx, id), title(id));
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
      return neighbours();
    }
    return id.equals(COVERAGE) ? coverage() : layers.get(id);
  }

  private Layers.Layer neighboursCache;
  private String neighboursStamp;

  /**
   * The neighbours' lines as one collection, each feature with its owner and its line's provenance;
   * rebuilt when a line is imported again (the stamp: every line's digest and time).
   */
  private synchronized Layers.Layer neighbours() {
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
      neighboursCache = Layers.of(NEIGHBOURS, fs);
      neighboursStamp = stamp.toString();
    }
    return neighboursCache;
  }

  private static final String AVENUES = "avenues";
  private static final String WARNING = "warning";
  private static final String CIVILIANS = "civilians";
  private static final String COVERAGE = "coverage";
  private static final String NEIGHBOURS = "neighbour-lines";

  /** Sensor statuses whose sites no longer stand: left out of the coverage. */
  private static final java.util.Set<Status> GONE =
      java.util.Set.of(Status.CLEARED, Status.LAND_RELEASED);

  private Layers.Layer coverageCache;
  private String coverageStamp;

  /**
   * The coverage collection: computed by the source from the standing sensor records, cached until
   * one of them changes (the stamp: every record's id and version).
   */
  private synchronized Layers.Layer coverage() {
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
      coverageCache = Layers.of(COVERAGE, coverageSource.features(List.copyOf(sensors)));
      coverageStamp = s;
    }
    return coverageCache;
  }

  /** The query parameters the items operation defines (OGC API – Features Part 1). */
  private static final java.util.Set<String> ITEM_PARAMS =
      java.util.Set.of("limit", "offset", "bbox", "f");

  /**
   * A parameter the API does not define is a 400 naming it (/req/core/query-param-unknown), not
   * silently ignored: a client that thinks it filters learns it does not.
   */
  private static void onlyKnownParameters(Context ctx, java.util.Set<String> known) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (!known.contains(name)) {
        throw Requests.invalid(
            name,
            "unknown query parameter '"
                + Requests.clip(name)
                + "' (this operation takes "
                + String.join(", ", new java.util.TreeSet<>(known))
                + ")");
      }
    }
  }

  private void items(Context ctx) throws IOException {
    onlyKnownParameters(ctx, ITEM_PARAMS);
    String id = cid(ctx);
    int limit = Requests.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    Page p = page(id, Requests.bbox(ctx), limit, offset);
    List<Map<String, Object>> links = pageLinks(ctx, id, p, limit, offset);
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
    try (GeoJsonWriter w = new GeoJsonWriter(out, 7, members)) {
      for (Map.Entry<String, Feature> f : p.features()) {
        w.feature(f.getKey(), f.getValue().geometry(), f.getValue().properties());
      }
    }
    responses.geoJson(ctx, 200, out.toString(StandardCharsets.UTF_8));
  }

  /** self, next (when there may be more) and collection links of one page of items. */
  private List<Map<String, Object>> pageLinks(
      Context ctx, String id, Page p, int limit, int offset) {
    String self = base(ctx) + "/ogc/collections/" + id + "/items";
    String q = ctx.queryParam("bbox") == null ? "" : "&bbox=" + ctx.queryParam("bbox");
    List<Map<String, Object>> links = new ArrayList<>();
    links.add(
        link(
            self + "?limit=" + limit + "&offset=" + offset + q,
            "self",
            "application/geo+json",
            null));
    boolean more =
        p.matched() != null
            ? offset + p.features().size() < p.matched()
            : p.features().size() == limit;
    if (more) {
      links.add(
          link(
              self + "?limit=" + limit + "&offset=" + (offset + p.features().size()) + q,
              "next",
              "application/geo+json",
              "next page"));
    }
    links.add(link(base(ctx) + "/ogc/collections/" + id, "collection", "application/json", null));
    return links;
  }

  private void item(Context ctx) throws IOException {
    onlyKnownParameters(ctx, java.util.Set.of("f"));
    String id = cid(ctx);
    String fid = ctx.pathParam("fid");
    Feature f = isRegistry(id) ? recordFeature(id, fid) : layerFeature(id, fid);
    if (Requests.wantsHtml(ctx)) {
      responses.html(ctx, Html.items(title(id), List.of(Map.entry(fid, f)), List.of()));
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GeoJsonWriter w = new GeoJsonWriter(out, 7)) {
      w.feature(fid, f.geometry(), f.properties());
    }
    ObjectMapper json = responses.mapper();
    ObjectNode feat = (ObjectNode) json.readTree(out.toByteArray()).get("features").get(0);
    String collection = base(ctx) + "/ogc/collections/" + id;
    feat.set(
        "links",
        json.valueToTree(
            List.of(
                link(collection + "/items/" + fid, "self", "application/geo+json", null),
                link(collection, "collection", "application/json", null))));
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
