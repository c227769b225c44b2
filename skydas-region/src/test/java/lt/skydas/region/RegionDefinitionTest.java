package lt.skydas.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Region files: the built-in Lithuania, a round trip, and each kind of bad file named. */
class RegionDefinitionTest {
  @TempDir Path dir;

  static final String OBJECTIVES =
      """
      {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "a", "properties": {"name": "A"},
         "geometry": {"type": "Point", "coordinates": [25.0, 54.6]}},
        {"type": "Feature", "id": "b", "properties": {"name": "B", "radius_m": 500},
         "geometry": {"type": "Point", "coordinates": [24.0, 55.0]}}]}
      """;

  static final String GOOD =
      """
      {"format": "skydas-region/1", "id": "two-homes", "name": "Two homes",
       "home": ["LT", "LV"], "crs": "EPSG:3346", "hostile_borders": ["LT-BY", "LV-BY"],
       "objectives": "objectives.geojson",
       "friendly_routes": [{"id": "r", "name": "A to B", "from": "a", "to": "b"}]}
      """;

  Path write(String region) throws IOException {
    Files.writeString(dir.resolve("objectives.geojson"), OBJECTIVES);
    Path f = dir.resolve("region.json");
    Files.writeString(f, region);
    return f;
  }

  @Test
  void lithuaniaIsBuiltIn() {
    RegionDefinition lt = RegionDefinition.lithuania();
    assertThat(lt.id()).isEqualTo("lithuania");
    assertThat(lt.home()).containsExactly("LT");
    assertThat(lt.epsg()).isEqualTo(3346);
    assertThat(lt.hostileBorders()).containsExactly("LT-BY", "LT-RU");
    assertThat(lt.hostileCountries()).containsExactly(Country.BY, Country.RU);
    assertThat(lt.objectives().path("features")).hasSize(8);
    assertThat(lt.friendlyRoutes())
        .extracting(RegionDefinition.Route::to)
        .containsExactly("kaunas", "vilnius");
    assertThat(RegionDefinition.resolve("lithuania")).isEqualTo(lt);
  }

  @Test
  void aRegionFileReadsItsObjectivesBesideItAndSurvivesARoundTrip() throws IOException {
    RegionDefinition d = RegionDefinition.read(write(GOOD));
    assertThat(d.home()).containsExactly("LT", "LV");
    assertThat(d.hostileCountries()).containsExactly(Country.BY);
    assertThat(d.objectives().path("features").get(1).path("id").asText()).isEqualTo("b");
    assertThat(d.friendlyRoutes())
        .containsExactly(new RegionDefinition.Route("r", "A to B", "a", "b"));
    Path copy = dir.resolve("sub");
    Files.createDirectories(copy);
    d.write(copy.resolve("definition.json"));
    RegionDefinition again = RegionDefinition.read(copy.resolve("definition.json"));
    assertThat(again).isEqualTo(d);
    assertThat(again.sha256()).isEqualTo(d.sha256()).hasSize(64);
    assertThat(RegionDefinition.lithuania().sha256()).isNotEqualTo(d.sha256());
    assertThat(RegionDefinition.resolve(dir.resolve("region.json").toString())).isEqualTo(d);
  }

  @Test
  void anExtentAndAnotherCrsSurviveARoundTrip() throws IOException {
    RegionDefinition d =
        RegionDefinition.read(
            write(
                GOOD.replace("\"EPSG:3346\"", "\"EPSG:3035\"")
                    .replace(
                        "\"name\": \"Two homes\",",
                        "\"name\": \"Two homes\", \"extent\": [22, 54, 26.5, 56.4],")));
    assertThat(d.epsg()).isEqualTo(3035);
    assertThat(d.extent()).isEqualTo(new RegionDefinition.Extent(22, 54, 26.5, 56.4));
    d.write(dir.resolve("again.json"));
    RegionDefinition again = RegionDefinition.read(dir.resolve("again.json"));
    assertThat(again).isEqualTo(d);
    assertThat(again.sha256()).isEqualTo(d.sha256());
    assertThat(RegionDefinition.read(write(GOOD)).sha256()).isNotEqualTo(d.sha256());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"format\": \"skydas-region/1\"|\"format\": \"skydas-region/9\"|format: \"skydas-region/9\" is not",
        "\"EPSG:3346\"|\"EPSG:4326\"|crs: EPSG:4326 is not supported: a region grid is built in a metric CRS, one of EPSG:2180",
        "\"EPSG:3346\"|\"EPSG:31466\"|crs: EPSG:31466 is not supported",
        "\"EPSG:3346\"|\"LKS94\"|crs: \"LKS94\" is not like",
        "[\"LT\", \"LV\"]|[\"LT\", \"LT\"]|home: country LT is listed twice",
        "[\"LT\", \"LV\"]|[\"LT\", \"XX\"]|home: unknown country \"XX\"",
        "[\"LT\", \"LV\"]|[]|home: needs at least one home country",
        "[\"LT-BY\", \"LV-BY\"]|[\"LT-LV\"]|LT-LV must join a home country",
        "[\"LT-BY\", \"LV-BY\"]|[\"LT_BY\"]|\"LT_BY\" is not a pair",
        "[\"LT-BY\", \"LV-BY\"]|[]|hostile_borders: needs at least one border pair",
        "\"to\": \"b\"|\"to\": \"atlantis\"|friendly_routes[0]: \"atlantis\" is not the id of an objective",
        "\"objectives.geojson\"|\"../objectives.geojson\"|objectives: must name a file beside",
        "\"objectives.geojson\"|\"missing.geojson\"|file \"missing.geojson\" not found",
        "\"objectives.geojson\"|{\"type\": \"Feature\"}|objectives: must be a GeoJSON FeatureCollection",
        "\"id\": \"two-homes\"|\"id\": \"Two Homes\"|id: \"Two Homes\" is not a lower-case id",
        "\"name\": \"Two homes\",|\"name\": 7,|name: a text value is required",
        "\"name\": \"Two homes\",|\"name\": \"Two homes\", \"extent\": [24, 55, 23, 56],|extent: [24.0, 55.0, 23.0, 56.0] is not a box",
        "\"name\": \"Two homes\",|\"name\": \"Two homes\", \"extent\": [24, 55],|extent: must be [min lon, min lat, max lon, max lat]",
        "\"name\": \"Two homes\",|\"name\": \"Two homes\", \"extent\": [24, 55, \"x\", 56],|extent: must be [min lon",
      })
  void badRegionFilesAreNamedWithTheirField(String from, String to, String message)
      throws IOException {
    assertThat(GOOD).contains(from);
    Path f = write(GOOD.replace(from, to));
    assertThatThrownBy(() -> RegionDefinition.read(f))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT))
        .hasMessageContaining(f.toString())
        .hasMessageContaining(message);
  }

  @Test
  void truncatedAndMissingFiles() throws IOException {
    Path f = write(GOOD.substring(0, 60));
    assertThatThrownBy(() -> RegionDefinition.read(f))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("not a JSON region file");
    assertThatThrownBy(() -> RegionDefinition.read(dir.resolve("nope.json")))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.NOT_FOUND))
        .hasMessageContaining("nope.json");
    assertThatThrownBy(() -> RegionDefinition.builtIn("atlantis"))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.NOT_FOUND))
        .hasMessageContaining("built in: lithuania");
  }

  @Test
  void hostileCountriesAreTheFarSides() throws IOException {
    RegionDefinition d =
        RegionDefinition.read(
            write(GOOD.replace("[\"LT-BY\", \"LV-BY\"]", "[\"BY-LT\", \"LT-RU\"]")));
    assertThat(d.hostileCountries())
        .isEqualTo(new java.util.LinkedHashSet<>(List.of(Country.BY, Country.RU)));
  }
}
