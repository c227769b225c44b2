package lt.skydas.server.api;

import java.util.List;
import java.util.Map;
import lt.skydas.server.http.QueryParam;

/**
 * The query parameters of the OGC items operations as the OpenAPI document states them (Part 1's
 * {@code limit}, {@code offset}, {@code bbox}; Part 2's {@code crs}, {@code bbox-crs}; Part 3's
 * {@code filter}, {@code filter-lang}, {@code filter-crs}; {@code f}). {@link OgcQuery} reads them.
 */
final class OgcParams {
  private OgcParams() {}

  private static final Map<String, Object> CRS_SCHEMA =
      Map.of("type", "string", "format", "uri", "enum", OgcCrs.uris(), "default", OgcCrs.CRS84);

  private static final QueryParam F =
      new QueryParam(
          "f",
          "the response format (default: by the Accept header)",
          Map.of("type", "string", "enum", List.of("json", "html")),
          false);

  private static final QueryParam CRS =
      new QueryParam("crs", "the CRS of the response's coordinates (Part 2)", CRS_SCHEMA, false);

  static final List<QueryParam> ITEMS =
      List.of(
          new QueryParam(
              "limit",
              "the most features in the response",
              Map.of(
                  "type",
                  "integer",
                  "minimum",
                  1,
                  "maximum",
                  OgcApi.MAX_LIMIT,
                  "default",
                  OgcApi.DEFAULT_LIMIT),
              false),
          new QueryParam(
              "offset",
              "features to skip (the next link sets it)",
              Map.of("type", "integer", "minimum", 0, "default", 0),
              false),
          new QueryParam(
              "bbox",
              "only features whose geometry intersects the box: min x, min y, max x, max y in"
                  + " bbox-crs (default CRS84: lon, lat)",
              Map.of(
                  "type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")),
              true),
          new QueryParam("bbox-crs", "the CRS of bbox (Part 2)", CRS_SCHEMA, false),
          CRS,
          new QueryParam(
              "filter",
              "a CQL2 text filter on the collection's queryables (Part 3), e.g. status = 'planned'"
                  + " AND year <= 2027",
              Map.of("type", "string"),
              false),
          new QueryParam(
              "filter-lang",
              "the filter's language",
              Map.of("type", "string", "enum", List.of("cql2-text"), "default", "cql2-text"),
              false),
          new QueryParam(
              "filter-crs", "the CRS of the filter's geometry literals", CRS_SCHEMA, false),
          F);

  static final List<QueryParam> ITEM = List.of(CRS, F);
}
