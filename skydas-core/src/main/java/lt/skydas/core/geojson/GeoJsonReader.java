package lt.skydas.core.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Streams the features of a GeoJSON FeatureCollection (RFC 7946; {@code .geojson} or gzip
 * compressed {@code .geojson.gz}) without holding the whole file in memory.
 *
 * <p>File-level faults (not JSON, truncated, not a FeatureCollection, a declared CRS other than
 * WGS84) throw a {@link SkydasProblem} naming the file and the line. Feature-level faults (bad
 * geometry, out-of-range coordinates, NaN) go to the {@link InvalidFeatureHandler}; the default
 * handler throws.
 */
public final class GeoJsonReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(5_000_000)
                  .maxNestingDepth(64)
                  .maxNumberLength(64)
                  .build())
          .build();

  /** Receives each valid feature. */
  @FunctionalInterface
  public interface FeatureHandler {
    void accept(Feature f);
  }

  /** Receives a feature that could not be read, with a reason. */
  @FunctionalInterface
  public interface InvalidFeatureHandler {
    void reject(int index, String id, String reason, JsonNode raw);
  }

  private GeoJsonReader() {}

  /** Reads all features, throwing on the first invalid one. */
  public static List<Feature> readAll(Path file) {
    List<Feature> out = new ArrayList<>();
    read(file, out::add, null);
    return out;
  }

  /**
   * Streams {@code file}'s features to {@code handler}; invalid ones to {@code onInvalid} (or throw
   * when it is {@code null}). Returns the number of features seen (valid and invalid).
   */
  public static int read(Path file, FeatureHandler handler, InvalidFeatureHandler onInvalid) {
    return read(file, handler, onInvalid, null);
  }

  /**
   * As {@link #read(Path, FeatureHandler, InvalidFeatureHandler)}, also collecting the collection's
   * foreign top-level members (anything but type, features, crs, bbox) into {@code members} when it
   * is not null.
   */
  public static int read(
      Path file,
      FeatureHandler handler,
      InvalidFeatureHandler onInvalid,
      Map<String, JsonNode> members) {
    String name = file.toString();
    try (InputStream in = open(file)) {
      return read(name, in, handler, onInvalid, members);
    } catch (NoSuchFileException e) {
      throw new SkydasProblem(
          ProblemCode.NOT_FOUND, name + ": no such file", Map.of("file", name), e);
    } catch (java.util.zip.ZipException e) {
      throw SkydasProblem.badInput(name, null, "not valid gzip data (" + e.getMessage() + ")");
    } catch (java.io.EOFException e) {
      throw SkydasProblem.badInput(name, null, "file is truncated (unexpected end of data)");
    } catch (IOException e) {
      throw SkydasProblem.badInput(name, null, "cannot read: " + e.getMessage());
    }
  }

  /**
   * As {@link #read(Path, FeatureHandler, InvalidFeatureHandler, Map)} for a stream named {@code
   * name}.
   */
  public static int read(
      String name,
      InputStream in,
      FeatureHandler handler,
      InvalidFeatureHandler onInvalid,
      Map<String, JsonNode> members)
      throws IOException {
    GeometryFactory gf = new GeometryFactory();
    InvalidFeatureHandler rejecter =
        onInvalid != null
            ? onInvalid
            : (index, id, reason, raw) -> {
              throw SkydasProblem.badInput(name, Feature.label(index, id), reason);
            };
    try (JsonParser p = FACTORY.createParser(in)) {
      p.setCodec(MAPPER);
      JsonToken t = p.nextToken();
      if (t == null) {
        throw SkydasProblem.badInput(name, null, "file is empty");
      }
      if (t != JsonToken.START_OBJECT) {
        throw SkydasProblem.badInput(
            name, at(p), "expected a GeoJSON object, found " + t.asString());
      }
      String type = null;
      int count = 0;
      boolean sawFeatures = false;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "type" -> {
            type = p.getValueAsString();
            if (!"FeatureCollection".equals(type)) {
              throw SkydasProblem.badInput(
                  name, at(p), "expected a FeatureCollection, found type \"" + type + "\"");
            }
          }
          case "crs" -> checkCrs(name, p);
          case "features" -> {
            sawFeatures = true;
            if (p.currentToken() != JsonToken.START_ARRAY) {
              throw SkydasProblem.badInput(name, at(p), "\"features\" must be an array");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (p.currentToken() == null) {
                throw SkydasProblem.badInput(name, null, "file is truncated inside \"features\"");
              }
              JsonNode node = p.readValueAsTree();
              readFeature(gf, count, node, handler, rejecter);
              count++;
            }
          }
          case "bbox" -> p.skipChildren();
          default -> {
            if (members != null) {
              members.put(field, p.readValueAsTree());
            } else {
              p.skipChildren();
            }
          }
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw SkydasProblem.badInput(name, at(p), "file is truncated");
      }
      if (!sawFeatures) {
        throw SkydasProblem.badInput(
            name, null, type == null ? "not a GeoJSON FeatureCollection" : "no \"features\" array");
      }
      return count;
    } catch (JsonEOFException e) {
      throw SkydasProblem.badInput(name, loc(e.getLocation()), "file is truncated");
    } catch (JsonParseException e) {
      if (String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
        throw SkydasProblem.badInput(name, loc(e.getLocation()), "file is truncated");
      }
      throw SkydasProblem.badInput(
          name, loc(e.getLocation()), "not valid JSON: " + e.getOriginalMessage());
    } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
      throw SkydasProblem.badInput(name, null, "value too large: " + e.getMessage());
    }
  }

  private static void checkCrs(String name, JsonParser p) throws IOException {
    JsonNode crs = p.readValueAsTree();
    String crsName = crs == null ? null : crs.path("properties").path("name").asText(null);
    if (crsName == null) {
      return;
    }
    String n = crsName.toUpperCase(java.util.Locale.ROOT);
    boolean wgs =
        n.endsWith("CRS84")
            || n.endsWith("EPSG::4326")
            || n.equals("EPSG:4326")
            || n.endsWith(":4326");
    if (!wgs) {
      throw SkydasProblem.badInput(
          name,
          "crs",
          "coordinates must be WGS84 lon/lat (RFC 7946), but the file declares CRS \""
              + crsName
              + "\"; reproject it first (e.g. ogr2ogr -t_srs EPSG:4326)");
    }
  }

  private static void readFeature(
      GeometryFactory gf,
      int index,
      JsonNode node,
      FeatureHandler handler,
      InvalidFeatureHandler rejecter) {
    String id = null;
    if (node != null && node.hasNonNull("id")) {
      id = node.get("id").asText();
    }
    if (node == null || !node.isObject()) {
      rejecter.reject(index, id, "not a JSON object", node);
      return;
    }
    if (!"Feature".equals(node.path("type").asText(null))) {
      rejecter.reject(index, id, "\"type\" must be \"Feature\"", node);
      return;
    }
    Geometry g;
    try {
      JsonNode gn = node.get("geometry");
      if (gn == null || gn.isNull()) {
        rejecter.reject(index, id, "has no geometry", node);
        return;
      }
      g = GeometryParser.parse(gf, gn);
    } catch (GeometryParser.BadGeometry e) {
      rejecter.reject(index, id, e.getMessage(), node);
      return;
    }
    Map<String, Object> props = new LinkedHashMap<>();
    JsonNode pn = node.get("properties");
    if (pn != null && pn.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = pn.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        props.put(e.getKey(), toJava(e.getValue()));
      }
    } else if (pn != null && !pn.isNull()) {
      rejecter.reject(index, id, "\"properties\" must be an object or null", node);
      return;
    }
    handler.accept(new Feature(id, index, g, java.util.Collections.unmodifiableMap(props)));
  }

  static Object toJava(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    return MAPPER.convertValue(v, Object.class);
  }

  /** A .gz may decompress to this many times its size (real GeoJSON: 7 to 13)... */
  static final long MAX_GZ_RATIO = 50;

  /** ...or to this many bytes, whichever is more. */
  static final long MIN_GZ_ALLOWANCE_BYTES = 64L << 20;

  /**
   * The file's bytes; a {@code .gz} decompressed, and stopped as a compression bomb past its
   * allowance (issue 18, finding 7: 4.4 MB of .gz holding 3.6 GB of GeoJSON ran the reader out of
   * memory) with one clear problem.
   */
  private static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    if (file.getFileName().toString().endsWith(".gz")) {
      long limit = Math.max(MIN_GZ_ALLOWANCE_BYTES, MAX_GZ_RATIO * Files.size(file));
      return new BufferedInputStream(
          lt.skydas.core.io.BoundedInput.of(
              new GZIPInputStream(raw, 1 << 16),
              limit,
              () ->
                  SkydasProblem.badInput(
                      file.toString(),
                      null,
                      "decompresses to more than "
                          + (limit >> 20)
                          + " MB ("
                          + MAX_GZ_RATIO
                          + " times its size): refused as a possible compression bomb; give it"
                          + " uncompressed if it is genuine")),
          1 << 16);
    }
    return raw;
  }

  private static String at(JsonParser p) {
    return loc(p.currentTokenLocation());
  }

  private static String loc(JsonLocation l) {
    return l == null ? null : "line " + l.getLineNr() + ", column " + l.getColumnNr();
  }
}
