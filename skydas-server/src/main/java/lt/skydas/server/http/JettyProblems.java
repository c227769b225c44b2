package lt.skydas.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors Jetty answers before a request reaches the application (a malformed request line, {@code
 * %00} or an ambiguous path, a header too large) as RFC 9457 problem details like every other
 * error, instead of Jetty's HTML page (issue 18, finding 9). Thread-safe.
 */
public final class JettyProblems extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE = "application/problem+json";

  public JettyProblems() {
    setShowStacks(false);
    setShowServlet(false);
  }

  /** A request Jetty could not parse: the body of its 4xx. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, TYPE));
    fields.put(new HttpField(HttpHeader.CACHE_CONTROL, "no-store"));
    return ByteBuffer.wrap(body(status, reason, null).getBytes(StandardCharsets.UTF_8));
  }

  /** An error Jetty raised while dispatching (no handler wrote an answer). */
  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    response.setContentType(TYPE);
    response.setHeader("Cache-Control", "no-store");
    byte[] b = body(code, message, null).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(b.length);
    response.getOutputStream().write(b);
  }

  static String body(int status, String reason, String instance) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "about:blank");
    o.put("title", status >= 500 ? "Server error" : "Bad request");
    o.put("status", status);
    String r = reason == null ? "" : reason.replaceAll("\\p{Cntrl}", "?");
    o.put("detail", "the request could not be read" + (r.isBlank() ? "" : ": " + shorten(r)));
    if (instance != null) {
      o.put("instance", instance);
    }
    return o.toString();
  }

  private static String shorten(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
