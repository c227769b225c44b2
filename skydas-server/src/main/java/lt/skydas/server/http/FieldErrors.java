package lt.skydas.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The {@code errors} member of a problem as {@code [{field, message}]}, whatever form the problem's
 * details gave them in. The server's own problems carry {@link lt.skydas.registry.FieldError}s
 * (already objects); the registry's validation problems carry them in the registry's text form,
 * {@code field: message}, prefixed by {@code where: } for a feature of a multi-record upload (see
 * {@code FieldError.toString}). This class is the only place that form is read back: clients get
 * structure and never parse prose. An entry without a recognisable field keeps its whole text as
 * the message, with a null field.
 */
final class FieldErrors {
  /** A field path as the registry writes it: {@code minefield.lots[0].fuse_type}, {@code id}. */
  private static final Pattern FIELD =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[\\d+])?(\\.[A-Za-z0-9_]+(\\[\\d+])?)*");

  private FieldErrors() {}

  /** The errors as an array of {@code {field, message[, where]}} objects. */
  static JsonNode structured(JsonNode errors, ObjectMapper json) {
    if (!errors.isArray()) {
      return errors;
    }
    ArrayNode out = json.createArrayNode();
    for (JsonNode e : errors) {
      out.add(e.isTextual() ? parse(e.asText(), json) : e);
    }
    return out;
  }

  /** One error in the registry's text form as an object. */
  static ObjectNode parse(String text, ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    String[] parts = text.split(": ", -1);
    for (int i = 0; i < parts.length - 1; i++) {
      if (FIELD.matcher(parts[i]).matches()) {
        o.put("field", parts[i]);
        o.put("message", String.join(": ", Arrays.copyOfRange(parts, i + 1, parts.length)));
        if (i > 0) {
          o.put("where", String.join(": ", Arrays.copyOfRange(parts, 0, i)));
        }
        return o;
      }
    }
    o.putNull("field");
    o.put("message", text);
    return o;
  }
}
