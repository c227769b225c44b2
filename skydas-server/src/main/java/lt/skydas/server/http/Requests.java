package lt.skydas.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.registry.Action;
import lt.skydas.registry.FieldError;
import lt.skydas.registry.RecordKind;
import lt.skydas.registry.Status;
import lt.skydas.server.auth.Principal;
import org.locationtech.jts.geom.Envelope;

/**
 * The one place that reads requests: query and path parameters ({@code bbox}, {@code limit}, {@code
 * offset}, ids, {@code status}, {@code kind}, {@code f}), the record version ({@code If-Match} or
 * the body's {@code version}) and JSON bodies within the size limit. A bad value is a {@code
 * bad-input} problem whose {@code errors} name the parameter: {@code [{field, message}]}. Null
 * returns mean "not given" where a method says so. Thread-safe.
 */
public final class Requests {
  private static final String RECORD_ID = "[A-Za-z0-9][A-Za-z0-9._:-]*";

  /** Bodies are read strictly: a member given twice ({@code "status"} twice) is refused. */
  private final com.fasterxml.jackson.databind.ObjectReader json;

  private final long maxBody_bytes;

  public Requests(ObjectMapper json, long maxBody_bytes) {
    this.json =
        json.reader().with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    this.maxBody_bytes = maxBody_bytes;
  }

  /** The caller, set by the {@link Gate}; never null on routes that need a login. */
  public static Principal principal(Context ctx) {
    return ctx.attribute(Gate.PRINCIPAL);
  }

  /** A user-supplied value made safe to quote in a message: no control characters, ≤ 60 chars. */
  public static String clip(String s) {
    String t = s.replaceAll("[\\p{Cntrl}]", "?");
    return t.length() > 60 ? t.substring(0, 60) + "…" : t;
  }

  /** A bad-input problem naming the parameter or field in its {@code errors}. */
  public static SkydasProblem invalid(String field, String detail) {
    return new SkydasProblem(
        ProblemCode.BAD_INPUT, detail, Map.of("errors", List.of(new FieldError(field, detail))));
  }

  // ---- path and query parameters ----

  /** The record id in the path parameter {@code name}, checked against the registry's id syntax. */
  public static String recordId(Context ctx, String name) {
    String id = ctx.pathParam(name);
    if (id.length() > 100 || !id.matches(RECORD_ID)) {
      throw invalid(name, "record id '" + clip(id) + "' is not valid");
    }
    return id;
  }

  /** The {@code bbox} query parameter (CRS84, 4 or 6 numbers), or null when absent. */
  public static Envelope bbox(Context ctx) {
    String q = ctx.queryParam("bbox");
    if (q == null || q.isBlank()) {
      return null;
    }
    String[] p = q.split(",");
    if (p.length != 4 && p.length != 6) {
      throw invalid("bbox", "bbox must be minLon,minLat,maxLon,maxLat (CRS84)");
    }
    double[] v = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      try {
        v[i] = Double.parseDouble(p[i].strip());
      } catch (NumberFormatException e) {
        throw invalid("bbox", "bbox value '" + clip(p[i]) + "' is not a number");
      }
      if (!Double.isFinite(v[i])) {
        throw invalid("bbox", "bbox values must be finite");
      }
    }
    int h = p.length / 2;
    double w = v[0], so = v[1], e = v[h], n = v[h + 1];
    if (w < -180 || e > 180 || so < -90 || n > 90 || w > e || so > n) {
      throw invalid(
          "bbox", "bbox " + q + " is outside lon -180..180 / lat -90..90 or has min > max");
    }
    return new Envelope(w, e, so, n);
  }

  /**
   * An integer query parameter such as {@code limit} or {@code offset}: {@code dflt} when absent,
   * at least {@code min} (else a problem), capped at {@code max}.
   */
  public static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v.strip());
      if (i < min) {
        throw new NumberFormatException();
      }
      return Math.min(i, max);
    } catch (NumberFormatException e) {
      throw invalid(
          name, name + " must be an integer of at least " + min + ", not '" + clip(v) + "'");
    }
  }

  /** The {@code status} query parameter, or null when absent. */
  public static Status status(Context ctx) {
    String st = ctx.queryParam("status");
    if (st == null) {
      return null;
    }
    Status status = Status.parse(st);
    if (status == null) {
      throw invalid(
          "status",
          "unknown status '"
              + clip(st)
              + "' (one of "
              + Arrays.stream(Status.values()).map(Status::id).collect(Collectors.joining(", "))
              + ")");
    }
    return status;
  }

  /**
   * The {@code kind} query parameter (obstacle, minefield, sensor, depot or shelter), or null when
   * absent.
   */
  public static RecordKind kind(Context ctx) {
    String k = ctx.queryParam("kind");
    if (k == null) {
      return null;
    }
    try {
      return RecordKind.valueOf(k.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(
          "kind",
          "kind must be obstacle, minefield, sensor, depot or shelter, not '" + clip(k) + "'");
    }
  }

  /** True when the caller asks for HTML ({@code f=html}, or an Accept header without JSON). */
  public static boolean wantsHtml(Context ctx) {
    String f = ctx.queryParam("f");
    if (f != null) {
      if (!f.equals("json") && !f.equals("html")) {
        throw invalid("f", "f must be json or html");
      }
      return f.equals("html");
    }
    String acc = ctx.header("Accept");
    return acc != null && acc.contains("text/html") && !acc.contains("json");
  }

  /**
   * The record version the caller edited: the {@code If-Match} header, else the body's top-level
   * {@code version} (body may be null). Required, so a concurrent change is never lost.
   */
  public static long version(Context ctx, JsonNode body) {
    String m = ctx.header("If-Match");
    if (m != null) {
      try {
        return Long.parseLong(m.replace("\"", "").strip());
      } catch (NumberFormatException e) {
        throw invalid("If-Match", "If-Match must be the record's version");
      }
    }
    if (body != null && body.path("version").canConvertToLong()) {
      return body.path("version").asLong();
    }
    throw invalid(
        "version",
        "give the version you edited (If-Match header or a top-level 'version'), so a concurrent"
            + " change is not lost");
  }

  // ---- bodies ----

  /** The body, at most {@code max} bytes (else 413), whatever the Content-Length said. */
  public static byte[] body(Context ctx, long max) {
    Long rate = ctx.attribute(MIN_RATE_ATTRIBUTE);
    // the body's clock starts when the request's headers came in (a request queued for a worker
    // thread has been trickling all along)
    long arrivedMs =
        ctx.req() instanceof org.eclipse.jetty.server.Request r && r.getTimeStamp() > 0
            ? r.getTimeStamp()
            : System.currentTimeMillis();
    long startNanos =
        System.nanoTime() - Math.max(0, System.currentTimeMillis() - arrivedMs) * 1_000_000L;
    try (InputStream in = ctx.req().getInputStream()) {
      return read(
          in,
          max,
          ctx.req().getContentLengthLong(),
          rate == null ? DEFAULT_MIN_RATE_BPS : rate,
          startNanos,
          System::nanoTime);
    } catch (IOException e) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "could not read the request body: " + e.getMessage());
    }
  }

  /** The request attribute holding the server's minimum body rate (bytes per second). */
  public static final String MIN_RATE_ATTRIBUTE = "skydas.minBodyRate_Bps";

  static final long DEFAULT_MIN_RATE_BPS = 1024;

  /** How long a body may take before its rate counts: a body that has arrived is never cut. */
  static final long GRACE_NANOS = 2_000_000_000L;

  /**
   * Reads at most {@code max} bytes (one more is a 413), cutting off a body that, two seconds after
   * its request came in ({@code startNanos}), has arrived slower than {@code minRate_Bps} on
   * average: a trickling client does not hold a worker thread for long (issue 18, finding 1). A
   * body that has come in whole ({@code declared} bytes, its Content-Length) is never cut, however
   * late a busy server reads it (Jetty's own rate check cut such small bodies).
   */
  static byte[] read(
      InputStream in,
      long max,
      long declared,
      long minRate_Bps,
      long startNanos,
      java.util.function.LongSupplier nanos)
      throws IOException {
    long start = startNanos;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    while (true) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, max + 1 - out.size()));
      if (n < 0) {
        return out.toByteArray();
      }
      out.write(buf, 0, n);
      if (out.size() > max) {
        throw new SkydasProblem(
            ProblemCode.TOO_LARGE,
            "request body is over the limit of " + max + " bytes",
            Map.of("limit_bytes", max));
      }
      if (declared >= 0 && out.size() >= declared) {
        continue; // all of it is here: the next read ends it
      }
      long elapsed = nanos.getAsLong() - start;
      if (minRate_Bps > 0
          && elapsed > GRACE_NANOS
          && out.size() < minRate_Bps * (elapsed - GRACE_NANOS) / 1_000_000_000L) {
        throw new SkydasProblem(
            ProblemCode.USAGE,
            "request body arrives slower than " + minRate_Bps + " bytes per second; cut off");
      }
    }
  }

  /** A JSON object body within the server's body limit. */
  public JsonNode json(Context ctx) {
    return json(ctx, maxBody_bytes);
  }

  /** A JSON object body (application/json or geo+json) of at most {@code max} bytes. */
  public JsonNode json(Context ctx, long max) {
    String ct = ctx.contentType();
    if (ct == null
        || !(ct.startsWith("application/json") || ct.startsWith("application/geo+json"))) {
      throw new SkydasProblem(
          ProblemCode.USAGE, "send the body as application/json (got " + ct + ")");
    }
    return parseObject(body(ctx, max));
  }

  /**
   * A request body as a JSON object, read strictly (duplicate members, unpaired surrogates
   * refused); a bad-input problem otherwise. What every JSON route reads its body with.
   */
  public JsonNode parseObject(byte[] b) {
    try {
      JsonNode n = json.readTree(b);
      if (n == null || !n.isObject()) {
        throw new SkydasProblem(ProblemCode.BAD_INPUT, "the body must be a JSON object");
      }
      refuseLoneSurrogates(n);
      return n;
    } catch (IOException e) {
      String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new SkydasProblem(ProblemCode.BAD_INPUT, "request body is not valid JSON: " + m);
    }
  }

  /**
   * Refuses a body with a string (or member name) holding half of a UTF-16 surrogate pair ({@code
   * "\ud800"}): no UTF-8 can store it, so it was stored as {@code ?} and echoed raw, as invalid
   * JSON (issue 18, finding 9).
   */
  static void refuseLoneSurrogates(JsonNode root) {
    java.util.ArrayDeque<java.util.Map.Entry<String, JsonNode>> todo = new java.util.ArrayDeque<>();
    todo.push(java.util.Map.entry("", root));
    while (!todo.isEmpty()) {
      var en = todo.pop();
      JsonNode n = en.getValue();
      String path = en.getKey();
      if (n.isTextual()) {
        check(n.textValue(), path.isEmpty() ? "the body" : path);
      } else if (n.isObject()) {
        for (var it = n.fields(); it.hasNext(); ) {
          var f = it.next();
          check(f.getKey(), (path.isEmpty() ? "" : path + ".") + "(member name)");
          todo.push(
              java.util.Map.entry(
                  path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue()));
        }
      } else if (n.isArray()) {
        for (int i = 0; i < n.size(); i++) {
          todo.push(java.util.Map.entry(path + "[" + i + "]", n.get(i)));
        }
      }
    }
  }

  private static void check(String s, String where) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        String field = where.length() > 100 ? where.substring(0, 100) + "…" : where;
        throw invalid(
            field,
            field
                + ": an unpaired UTF-16 surrogate (U+"
                + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                + ") at character "
                + i
                + "; send valid Unicode text");
      }
    }
  }

  /** A string member of a JSON body; null when absent and not required. */
  public static String text(JsonNode o, String field, boolean required) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw invalid(field, "field '" + field + "' is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(field, "field '" + field + "' must be a string");
    }
    return v.asText();
  }

  /** The lifecycle action named by the body's {@code action} member. */
  public static Action action(JsonNode body) {
    String name = text(body, "action", true);
    Action a = Action.parse(name);
    if (a == null) {
      throw invalid("action", "unknown action '" + clip(name) + "' (one of " + Action.ids() + ")");
    }
    return a;
  }
}
