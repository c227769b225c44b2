package lt.skydas.core.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonReaderTest {
  @TempDir Path dir;

  private static final String TWO =
      """
      {"type":"FeatureCollection","name":"t","features":[
       {"type":"Feature","id":"a","properties":{"class":"primary","n":3,"x":1.5,"ok":true},
        "geometry":{"type":"LineString","coordinates":[[25.0,54.6],[25.1,54.7]]}},
       {"type":"Feature","properties":null,
        "geometry":{"type":"Polygon","coordinates":[[[25,54],[25.1,54],[25.1,54.1],[25,54]]]}}
      ]}
      """;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsFeaturesWithPropertiesAndGeometryAsWkt() throws IOException {
    List<Feature> fs = GeoJsonReader.readAll(write("a.geojson", TWO));
    assertThat(fs).hasSize(2);
    assertThat(fs.get(0).id()).isEqualTo("a");
    assertThat(fs.get(0).geometry().toText()).isEqualTo("LINESTRING (25 54.6, 25.1 54.7)");
    assertThat(fs.get(0).properties())
        .containsEntry("class", "primary")
        .containsEntry("n", 3L)
        .containsEntry("x", 1.5)
        .containsEntry("ok", true);
    assertThat(fs.get(1).geometry().toText())
        .isEqualTo("POLYGON ((25 54, 25.1 54, 25.1 54.1, 25 54))");
    assertThat(fs.get(1).index()).isEqualTo(1);
  }

  @Test
  void readsGzipAndForeignMembers() throws IOException {
    Path p = dir.resolve("a.geojson.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(TWO.getBytes(StandardCharsets.UTF_8));
    }
    var members = new java.util.HashMap<String, com.fasterxml.jackson.databind.JsonNode>();
    int n = GeoJsonReader.read(p, f -> {}, null, members);
    assertThat(n).isEqualTo(2);
    assertThat(members.get("name").asText()).isEqualTo("t");
  }

  @Test
  void truncatedFileNamesFileAndSaysTruncated() throws IOException {
    Path p = write("t.geojson", TWO.substring(0, TWO.length() / 2));
    assertThatThrownBy(() -> GeoJsonReader.readAll(p))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("t.geojson")
        .hasMessageContaining("truncated");
  }

  @Test
  void emptyFile() throws IOException {
    Path p = write("e.geojson", "");
    assertThatThrownBy(() -> GeoJsonReader.readAll(p))
        .hasMessageContaining("e.geojson")
        .hasMessageContaining("empty");
  }

  @Test
  void notJson() throws IOException {
    Path p = write("x.geojson", "<kml></kml>");
    assertThatThrownBy(() -> GeoJsonReader.readAll(p)).hasMessageContaining("not valid JSON");
  }

  @Test
  void missingFileIsNotFound() {
    assertThatThrownBy(() -> GeoJsonReader.readAll(dir.resolve("nope.geojson")))
        .isInstanceOfSatisfying(
            SkydasProblem.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.NOT_FOUND));
  }

  @Test
  void wrongCrsIsRefusedWithAdvice() throws IOException {
    Path p =
        write(
            "c.geojson",
            """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3346"}},
             "features":[]}
            """);
    assertThatThrownBy(() -> GeoJsonReader.readAll(p))
        .hasMessageContaining("EPSG::3346")
        .hasMessageContaining("WGS84");
  }

  @Test
  void projectedCoordinatesWithoutCrsAreCaughtAsOutOfRange() throws IOException {
    Path p =
        write(
            "m.geojson",
            """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
             "geometry":{"type":"Point","coordinates":[582000,6061000]}}]}
            """);
    assertThatThrownBy(() -> GeoJsonReader.readAll(p))
        .hasMessageContaining("feature 0")
        .hasMessageContaining("wrong CRS");
  }

  @Test
  void invalidFeaturesGoToHandlerWithReason() throws IOException {
    Path p =
        write(
            "b.geojson",
            """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":7,"properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0.5]]]}},
             {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0]]}},
             {"type":"Feature","properties":{},"geometry":{"type":"Hexagon","coordinates":[]}},
             {"type":"Feature","properties":{},"geometry":null},
             {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}
            ]}
            """);
    List<String> reasons = new ArrayList<>();
    List<Feature> ok = new ArrayList<>();
    GeoJsonReader.read(
        p, ok::add, (i, id, reason, raw) -> reasons.add(i + ":" + id + ":" + reason), null);
    assertThat(ok).hasSize(1);
    assertThat(reasons)
        .hasSize(4)
        .anySatisfy(r -> assertThat(r).startsWith("0:7:").contains("not closed"))
        .anySatisfy(r -> assertThat(r).startsWith("1:null:").contains("at least 2"))
        .anySatisfy(r -> assertThat(r).contains("unknown geometry type \"Hexagon\""))
        .anySatisfy(r -> assertThat(r).contains("no geometry"));
  }

  @Test
  void notAFeatureCollection() throws IOException {
    Path p = write("g.geojson", "{\"type\":\"Point\",\"coordinates\":[1,2]}");
    assertThatThrownBy(() -> GeoJsonReader.readAll(p)).hasMessageContaining("FeatureCollection");
  }

  @Test
  void writerRoundTrips() throws IOException {
    List<Feature> fs = GeoJsonReader.readAll(write("a.geojson", TWO));
    Path out = dir.resolve("out.geojson");
    try (GeoJsonWriter w = new GeoJsonWriter(Files.newOutputStream(out), 6)) {
      for (Feature f : fs) {
        w.feature(f.id(), f.geometry(), f.properties());
      }
    }
    List<Feature> back = GeoJsonReader.readAll(out);
    assertThat(back).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(back.get(i).geometry().toText()).isEqualTo(fs.get(i).geometry().toText());
    }
    assertThat(back.get(0).properties()).isEqualTo(fs.get(0).properties());
  }
}
