package lt.skydas.server.api;

import io.javalin.http.HandlerType;
import java.util.Map;
import lt.skydas.registry.Registry;
import lt.skydas.server.http.Access;
import lt.skydas.server.http.OpenApiDoc;
import lt.skydas.server.http.Responses;
import lt.skydas.server.http.RouteTable;

/** The API's own description (OpenAPI, generated from the route table) and its health. */
public final class MetaApi {
  private final Registry registry;
  private final Responses responses;

  public MetaApi(Registry registry, Responses responses) {
    this.registry = registry;
    this.responses = responses;
  }

  /** Declares the meta routes; the OpenAPI document lists every route of {@code t}. */
  public void routes(RouteTable t) {
    t.add(
        HandlerType.GET,
        "/api/openapi.json",
        Access.PUBLIC,
        "meta",
        "This API as an OpenAPI 3.0 document",
        ctx ->
            // the media type the landing page's service-desc link announces, version and all
            // (GDAL's OAPIF driver compares every parameter)
            ctx.contentType("application/vnd.oai.openapi+json;version=3.0")
                .result(OpenApiDoc.of(t.specs())));
    t.add(
        HandlerType.GET,
        "/api/health",
        Access.PUBLIC,
        "meta",
        "Liveness and the database in use",
        ctx ->
            responses.json(
                ctx,
                200,
                Map.of(
                    "status",
                    "ok",
                    "database",
                    registry.store().isGeoPackage() ? "geopackage" : "postgis",
                    "schema",
                    registry.store().schemaVersion())));
  }
}
