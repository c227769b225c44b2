package lt.skydas.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.plan.ObstacleType.GeometryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensorCatalogTest {
  @TempDir Path dir;
  private static final Pattern REF = Pattern.compile("\\[([a-z0-9_]+)\\]");

  /** A valid one-type catalog the bad-file tests break one field at a time. */
  private static final String GOOD =
      """
      {"references": {"squire_2018": "Defense World, 30 Nov 2018"},
       "types": [{
        "id": "gsr", "name": "Radar", "category": "surveillance",
        "geometry": "point", "unit": "each", "sidc": "SFGPESR--------",
        "range_m": {"vehicle": 48000, "person": 12000, "small_uas": 6000},
        "height_m": 3, "arc_deg": 360, "power_w": 150, "comms": "radio",
        "cost_eur_per_unit": 600000, "upkeep_eur_per_year": 60000, "crew": 2, "ew": null,
        "sources": {
          "range": "[squire_2018] pedestrians 12 km",
          "height": "estimate: tripod mast of 2-4 m",
          "arc": "estimate: rotating antenna, full circle",
          "power": "estimate: 100-200 W with display",
          "cost": "estimate: no public price, a few hundred thousand",
          "upkeep": "estimate: 10 % of the price per year",
          "crew": "estimate: operator and assistant"
        }}]}
      """;

  private Path write(String text) throws IOException {
    Path p = dir.resolve("sensors.json");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void shippedCatalogCoversEveryKindTheIssueNames() {
    SensorCatalog c = SensorCatalog.defaults();
    assertThat(c.listTypes())
        .extracting(SensorType::id)
        .contains(
            "gsr_portable",
            "eoir_mast",
            "fibre_fence_sensor",
            "ugs_seismic_acoustic",
            "uas_patrol_orbit",
            "aerostat_radar",
            "tethered_drone_radar",
            "gnss_jammer",
            "uas_link_jammer",
            "rf_drone_detector",
            "cuas_radar",
            "drone_jammer_handheld",
            "interceptor_drone",
            "cuas_gun_35mm");
    assertThat(c.listTypes())
        .extracting(SensorType::category)
        .containsAll(Arrays.asList(SensorCategory.values()));
    SensorType gsr = c.findType("gsr_portable").orElseThrow();
    assertThat(gsr.range_m(TargetClass.PERSON)).isEqualTo(12_000);
    assertThat(gsr.geometry()).isEqualTo(GeometryKind.POINT);
    SensorType fence = c.findType("fibre_fence_sensor").orElseThrow();
    assertThat(fence.geometry()).isEqualTo(GeometryKind.LINE);
    assertThat(fence.unit()).isEqualTo("km");
    assertThat(c.findType("gnss_jammer").orElseThrow().findJamming().orElseThrow().denies())
        .contains("gnss", "uas_patrol_orbit");
  }

  @Test
  void everyShippedFigureCitesAReferenceOrIsAnEstimateWithReasoning() {
    SensorCatalog c = SensorCatalog.defaults();
    Set<String> cited = new HashSet<>();
    for (SensorType t : c.listTypes()) {
      assertThat(t.sources().keySet()).as(t.id()).containsAll(SensorCatalogReader.FIGURES);
      if (t.category() == SensorCategory.EW) {
        assertThat(t.jamming()).as(t.id()).isNotNull();
      }
      if (t.jamming() != null) {
        assertThat(t.sources()).as(t.id()).containsKey("ew");
      }
      assertThat(t.sidc()).as(t.id()).hasSize(15);
      for (String s : t.sources().values()) {
        Matcher m = REF.matcher(s);
        boolean cites = false;
        while (m.find()) {
          assertThat(c.references()).as(t.id() + ": " + s).containsKey(m.group(1));
          cited.add(m.group(1));
          cites = true;
        }
        if (!cites) {
          assertThat(s).as(t.id()).startsWith("estimate:");
          assertThat(s.length()).as(t.id()).isGreaterThan("estimate: ".length() + 10);
        }
      }
    }
    assertThat(cited).as("every reference is cited").isEqualTo(c.references().keySet());
  }

  @Test
  void everyReferenceIsListedInTheDataSourcesPage() throws IOException {
    String page = Files.readString(Path.of("..", "docs", "data-sources.md"));
    assertThat(page).contains("## Sensors, EW and counter-drone");
    for (String id : SensorCatalog.defaults().references().keySet()) {
      assertThat(page).as(id).contains("`" + id + "`");
    }
  }

  @Test
  void aGoodUserFileLoads() throws IOException {
    SensorCatalog c = SensorCatalog.load(write(GOOD));
    assertThat(c.listTypes()).hasSize(1);
    assertThat(c.findType("gsr").orElseThrow().sources().get("range")).contains("squire_2018");
    assertThat(c.origin()).endsWith("sensors.json");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          missing source        | "crew": "estimate: operator and assistant"  | "crew": ""                     | type "gsr": sources.crew is missing: cite a reference as [id] or write "estimate: how"
          estimate, no reason   | "crew": "estimate: operator and assistant"  | "crew": "estimate: two"        | type "gsr": sources.crew is an estimate without its reasoning: say how it was made
          neither               | "crew": "estimate: operator and assistant"  | "crew": "Jane's, 2020"         | type "gsr": sources.crew neither cites a reference as [id] nor starts with "estimate:"
          unknown reference     | [squire_2018] pedestrians                   | [janes_2020] pedestrians       | type "gsr": sources.range cites [janes_2020], which is not in the file's references
          negative range        | "person": 12000                             | "person": -5                   | type "gsr": range_m.person must be >= 0, not -5
          no range at all       | "vehicle": 48000, "person": 12000, "small_uas": 6000 | "vehicle": 0, "person": 0, "small_uas": 0 | type "gsr": range_m must be > 0 for at least one target class
          unknown category      | "category": "surveillance"                  | "category": "radar"            | type "gsr": category "radar" is not one of [surveillance, early_warning, ew, cuas_sensor, cuas_effector]
          arc above 360         | "arc_deg": 360                              | "arc_deg": 400                 | type "gsr": arc_deg must be > 0 and <= 360 degrees, not 400
          arc zero              | "arc_deg": 360                              | "arc_deg": 0                   | type "gsr": arc_deg must be > 0 and <= 360 degrees, not 0
          height too high       | "height_m": 3                               | "height_m": 5000               | type "gsr": height_m must be between 0 and 3000 m, not 5000
          height negative       | "height_m": 3                               | "height_m": -1                 | type "gsr": height_m must be between 0 and 3000 m, not -1
          short SIDC            | "SFGPESR--------"                           | "SFGPESR---"                   | type "gsr": sidc must be a 15-character MIL-STD-2525C letter SIDC (A-Z, 0-9, '-', '*'), not "SFGPESR---" (10 characters)
          line priced per unit  | "geometry": "point"                         | "geometry": "line"             | type "gsr": unit must be km for line sensors, not each
          area geometry         | "geometry": "point"                         | "geometry": "area"             | type "gsr": geometry "area" is not one of [point, line]
          cost missing          | "cost_eur_per_unit": 600000,                |                                | type "gsr": cost_eur_per_unit must be a finite number
          bad id                | "id": "gsr"                                 | "id": "GSR-1"                  | type "GSR-1": id must be lower_snake_case, 1-64 chars
          ew without jamming    | "category": "surveillance"                  | "category": "ew"               | type "gsr": ew must give radius_m and denies for an ew-category type
          """)
  void aBadFieldGivesOneLineNamingFileTypeAndField(
      String mistake, String from, String to, String expected) throws IOException {
    assertThat(GOOD).as(mistake).contains(from);
    Path p = write(GOOD.replace(from, to == null ? "" : to));
    assertThatThrownBy(() -> SensorCatalog.load(p))
        .isInstanceOfSatisfying(
            SkydasProblem.class,
            e -> {
              assertThat(e.code()).isEqualTo(ProblemCode.BAD_INPUT);
              assertThat(e.getMessage()).isEqualTo(p + ": " + expected).doesNotContain("\n");
              assertThat(e.details()).containsEntry("file", p.toString());
            });
  }

  @Test
  void aJammerMustDenyKnownSystems() throws IOException {
    String jammer =
        GOOD.replace(
                "\"ew\": null", "\"ew\": {\"radius_m\": 5000, \"denies\": [\"gnss\", \"wifi\"]}")
            .replace(
                "\"crew\": \"estimate: operator and assistant\"",
                "\"crew\": \"estimate: operator and assistant\", \"ew\": \"estimate: as the range\"");
    Path p = write(jammer);
    assertThatThrownBy(() -> SensorCatalog.load(p))
        .hasMessage(
            p
                + ": type \"gsr\": ew.denies \"wifi\" is not a system kind [gnss, radio, uas_link],"
                + " a category or a type id of this catalog");
    SensorCatalog ok = SensorCatalog.load(write(jammer.replace("\"wifi\"", "\"gsr\"")));
    assertThat(ok.findType("gsr").orElseThrow().jamming().radius_m()).isEqualTo(5000);
  }

  @Test
  void malformedTruncatedEmptyAndMissingFiles() throws IOException {
    Path bad = write("{\"types\": [ {\"id\": \"gsr\",, } ]}");
    assertThatThrownBy(() -> SensorCatalog.load(bad))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageStartingWith(bad + ": not valid JSON: ")
        .message()
        .doesNotContain("\n");
    Path truncated = write(GOOD.substring(0, GOOD.length() / 2));
    assertThatThrownBy(() -> SensorCatalog.load(truncated))
        .hasMessageStartingWith(truncated + ": not valid JSON: Unexpected end-of-input");
    Path empty = write("");
    assertThatThrownBy(() -> SensorCatalog.load(empty)).hasMessage(empty + ": file is empty");
    Path noTypes = write("{\"types\": []}");
    assertThatThrownBy(() -> SensorCatalog.load(noTypes))
        .hasMessage(noTypes + ": no \"types\" array");
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> SensorCatalog.load(missing))
        .isInstanceOfSatisfying(
            SkydasProblem.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.NOT_FOUND))
        .hasMessage(missing + ": no such file");
  }
}
