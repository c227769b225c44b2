package lt.skydas.server.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import lt.skydas.server.http.Requests;
import org.locationtech.jts.geom.Envelope;

/**
 * The query of an OGC items request, read once and checked: {@code limit}, {@code offset}, {@code
 * bbox} with {@code bbox-crs} (Part 2), {@code crs} for the response, {@code filter} in CQL2 text
 * with {@code filter-lang} and {@code filter-crs} (Part 3). A bad value is a 400 naming the
 * parameter. The parameters that shape the result are carried over into the paging links.
 *
 * @param bbox the box in CRS84, or null
 * @param filter the parsed filter, or null
 */
record OgcQuery(
    int limit, int offset, Envelope bbox, OgcCrs.Ref crs, Cql2.Filter filter, String carried) {

  /** The query parameters of the items operation. */
  static final Set<String> ITEM_PARAMS =
      Set.of(
          "limit", "offset", "bbox", "bbox-crs", "crs", "filter", "filter-lang", "filter-crs", "f");

  /** The query parameters of the single-item operation. */
  static final Set<String> ITEM_ONE_PARAMS = Set.of("crs", "f");

  static final String CQL2_TEXT = "cql2-text";

  static OgcQuery of(Context ctx, Set<String> queryables) {
    int limit = Requests.intParam(ctx, "limit", OgcApi.DEFAULT_LIMIT, 1, OgcApi.MAX_LIMIT);
    int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    OgcCrs.Ref crs = crs(ctx, "crs");
    OgcCrs.Ref bboxCrs = crs(ctx, "bbox-crs");
    Envelope bbox;
    if (bboxCrs.epsg() == 0) {
      bbox = Requests.bbox(ctx);
    } else {
      if (ctx.queryParam("bbox") == null) {
        throw Requests.invalid("bbox-crs", "bbox-crs is given without a bbox");
      }
      bbox = OgcCrs.toCrs84(numbers(ctx.queryParam("bbox")), bboxCrs);
    }
    Cql2.Filter filter = filter(ctx, queryables);
    StringBuilder carried = new StringBuilder();
    for (String p : List.of("bbox", "bbox-crs", "crs", "filter", "filter-lang", "filter-crs")) {
      String v = ctx.queryParam(p);
      if (v != null) {
        carried
            .append('&')
            .append(p)
            .append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    }
    return new OgcQuery(limit, offset, bbox, crs, filter, carried.toString());
  }

  static OgcCrs.Ref crs(Context ctx, String param) {
    String v = ctx.queryParam(param);
    if (v == null || v.isBlank()) {
      return OgcCrs.DEFAULT;
    }
    OgcCrs.Ref r = OgcCrs.parse(v);
    if (r == null) {
      throw Requests.invalid(
          param,
          param
              + " '"
              + Requests.clip(v)
              + "' is not offered; one of "
              + String.join(", ", OgcCrs.uris()));
    }
    return r;
  }

  private static Envelope numbers(String q) {
    String[] p = q.split(",");
    if (p.length != 4 && p.length != 6) {
      throw Requests.invalid("bbox", "bbox takes 4 (or 6) numbers in the bbox-crs's axis order");
    }
    double[] v = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      try {
        v[i] = Double.parseDouble(p[i].strip());
      } catch (NumberFormatException e) {
        throw Requests.invalid("bbox", "bbox value '" + Requests.clip(p[i]) + "' is not a number");
      }
      if (!Double.isFinite(v[i])) {
        throw Requests.invalid("bbox", "bbox values must be finite");
      }
    }
    int h = p.length / 2;
    if (v[0] > v[h] || v[1] > v[h + 1]) {
      throw Requests.invalid("bbox", "bbox has min > max");
    }
    return new Envelope(v[0], v[h], v[1], v[h + 1]);
  }

  private static Cql2.Filter filter(Context ctx, Set<String> queryables) {
    String text = ctx.queryParam("filter");
    String lang = ctx.queryParam("filter-lang");
    if (lang != null && !lang.equals(CQL2_TEXT)) {
      throw Requests.invalid(
          "filter-lang",
          "filter-lang '" + Requests.clip(lang) + "' is not supported; use cql2-text");
    }
    if (text == null) {
      if (ctx.queryParam("filter-crs") != null) {
        throw Requests.invalid("filter-crs", "filter-crs is given without a filter");
      }
      return null;
    }
    OgcCrs.Ref filterCrs = crs(ctx, "filter-crs");
    try {
      Cql2.Filter f = Cql2.parse(text, g -> OgcCrs.toCrs84(g, filterCrs));
      f.check(queryables);
      return f;
    } catch (IllegalArgumentException e) {
      throw Requests.invalid("filter", "filter: " + e.getMessage());
    }
  }

  /**
   * A parameter the API does not define is a 400 naming it (/req/core/query-param-unknown), not
   * silently ignored: a client that thinks it filters learns it does not.
   */
  static void onlyKnown(Context ctx, Set<String> known) {
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
}
