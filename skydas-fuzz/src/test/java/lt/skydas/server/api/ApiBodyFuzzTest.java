package lt.skydas.server.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.server.http.Requests;

/**
 * The JSON API's bodies under a coverage-guided fuzzer (issue 18): read as every route reads them
 * ({@link Requests#parseObject}), then as a record upload ({@code POST /api/records}) and as a
 * lifecycle action. Contract: accepted, or a {@code SkydasProblem} (a 4xx with one line).
 */
class ApiBodyFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Requests REQUESTS = new Requests(JSON, 1 << 20);
  private static final RecordUploads UPLOADS;

  static {
    try {
      UPLOADS = new RecordUploads(JSON, Files.createTempDirectory("skydas-fuzz-uploads"), 1 << 20);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "30s")
  void recordBody(byte[] data) {
    try {
      JsonNode body = REQUESTS.parseObject(data);
      Requests.action(body);
    } catch (SkydasProblem refused) {
      // a 4xx
    }
    try {
      UPLOADS.drafts(REQUESTS.parseObject(data));
    } catch (SkydasProblem refused) {
      // a 4xx
    }
  }

  /**
   * OGC filters (issue 19): any text is a filter or an IllegalArgumentException (a 400 naming the
   * place); evaluating a parsed filter on a record never throws.
   */
  @FuzzTest(maxDuration = "30s")
  void cql2Filter(byte[] data) {
    String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
    Cql2.Filter f;
    try {
      f = Cql2.parse(text);
    } catch (IllegalArgumentException refused) {
      return;
    }
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    p.put("status", "planned");
    p.put("year", 3);
    p.put("name", null);
    f.eval(
        p,
        new org.locationtech.jts.geom.GeometryFactory()
            .createPoint(new org.locationtech.jts.geom.Coordinate(24.5, 55)));
  }
}
