package lt.skydas.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.exchange.RegistryExchange;

/**
 * Uploaded GeoJSON (a Feature or a FeatureCollection) read into record drafts through the
 * registry's exchange reader, so an upload gets every check a file import gets. The body is staged
 * in a temporary file under {@code uploads} and deleted afterwards; messages name "request body",
 * never the staging file. Thread-safe (one staging file per call).
 */
final class RecordUploads {
  private final ObjectMapper json;
  private final Path uploads;
  private final long maxBody_bytes;

  RecordUploads(ObjectMapper json, Path uploads, long maxBody_bytes) {
    this.json = json;
    this.uploads = uploads;
    this.maxBody_bytes = maxBody_bytes;
  }

  /** The drafts of the document's features, in order. */
  List<RecordDraft> drafts(JsonNode doc) {
    if (doc.path("type").asText().equals("Feature")) {
      var fc = json.createObjectNode().put("type", "FeatureCollection");
      fc.putArray("features").add(doc);
      doc = fc;
    }
    Path tmp = null;
    try {
      Files.createDirectories(uploads);
      tmp = Files.createTempFile(uploads, "upload-", ".geojson");
      Files.write(tmp, json.writeValueAsBytes(doc));
      String staged = tmp.getFileName().toString();
      return RegistryExchange.read(tmp, RegistryExchange.Format.GEOJSON, maxBody_bytes).stream()
          .map(d -> fromRequestBody(d, staged))
          .toList();
    } catch (SkydasProblem e) {
      throw hideStagingFile(e, tmp);
    } catch (IOException e) {
      throw new SkydasProblem(ProblemCode.OUTPUT_FAILED, "could not stage the upload: " + e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static RecordDraft fromRequestBody(RecordDraft d, String staged) {
    return d.toBuilder()
        .withWhere(d.where() == null ? null : d.where().replace(staged, "request body"))
        .build();
  }

  /** The problem, naming the request body instead of the server's staging file. */
  private static SkydasProblem hideStagingFile(SkydasProblem e, Path tmp) {
    String f = tmp.toString();
    String n = tmp.getFileName().toString();
    UnaryOperator<String> hide = m -> m.replace(f, "request body").replace(n, "request body");
    Map<String, Object> det = new LinkedHashMap<>();
    e.details().forEach((k, v) -> det.put(k, hidden(v, hide)));
    return new SkydasProblem(e.code(), hide.apply(e.getMessage()), det);
  }

  private static Object hidden(Object v, UnaryOperator<String> hide) {
    if (v instanceof String x) {
      return hide.apply(x);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(o -> o instanceof String x ? hide.apply(x) : o).toList();
    }
    return v;
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp == null) {
      return;
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }
}
