package lt.skydas.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.skydas.registry.ActivityKind;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: the mine-action handover checked field by field against the MDR table of
 * docs/mdr-handover.md: every key the table lists is on every hazardous area, and every key a
 * hazardous area carries is in the table; accidents, QA visits, clearance tasks and land release
 * come from the record's activities.
 */
class MdrHandoverTest {
  @TempDir Path dir;

  /** The handover keys of the doc's table (second column, backticked, comma separated). */
  static Set<String> documentedKeys() throws Exception {
    Set<String> keys = new TreeSet<>();
    Pattern key = Pattern.compile("`([a-z_]+)`");
    for (String line : Files.readAllLines(Path.of("../docs/mdr-handover.md"))) {
      String[] cells = line.split("\\|");
      if (cells.length < 4 || !line.startsWith("| ") || line.startsWith("| MDR item")) {
        continue;
      }
      Matcher m = key.matcher(cells[2]);
      while (m.find()) {
        keys.add(m.group(1));
      }
    }
    return keys;
  }

  @Test
  void everyHazardousAreaCarriesExactlyTheDocumentedMdrFields() throws Exception {
    Set<String> documented = documentedKeys();
    assertThat(documented).contains("hazard_id", "benchmark", "turning_points", "qa_visits");
    try (Registry r = ExchangeFixtures.registry(dir, "mdr.gpkg")) {
      List<RegistryRecord> all = new ArrayList<>(ExchangeFixtures.stored(r));
      all.add(
          r.create(
              ExchangeFixtures.ADMIN,
              ExchangeFixtures.minefieldDraft(
                  "mf-5", Status.CLEARANCE_IN_PROGRESS, 25.56, 54.66, "Clearing")));
      r.addActivity(
          ExchangeFixtures.INSPECTOR,
          "mf-5",
          ActivityKind.INSPECTION,
          null,
          Map.of(
              "date",
              "2030-03-01",
              "organisation",
              "LMAC QA",
              "findings",
              "2 signs missing",
              "nonconformities",
              1));
      r.addActivity(
          ExchangeFixtures.INSPECTOR,
          "mf-5",
          ActivityKind.INCIDENT,
          r.find("mf-5").orElseThrow().geometry().getCentroid(),
          Map.of(
              "date",
              "2030-03-02",
              "device_category",
              "AT",
              "description",
              "tractor struck a mine"));
      Path out = dir.resolve("handover.gichd.json");
      Map<String, List<lt.skydas.registry.Activity>> acts = new HashMap<>();
      for (RegistryRecord x : all) {
        acts.put(x.id(), r.activities(x.id()));
      }
      RegistryExchange.writeGichd(
          all, acts, out, Clock.fixed(Instant.parse("2030-04-01T00:00:00Z"), ZoneOffset.UTC));
      JsonNode fs = RecordCodec.JSON.readTree(out.toFile()).path("features");
      assertThat(fs.size()).isEqualTo(4);
      for (JsonNode f : fs) {
        Set<String> keys = new TreeSet<>();
        f.path("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
            .as("hazardous area %s against docs/mdr-handover.md", f.path("id").asText())
            .isEqualTo(documented);
      }
      JsonNode mf5 = null;
      for (JsonNode f : fs) {
        if (f.path("properties").path("hazard_id").asText().equals("mf-5")) {
          mf5 = f.path("properties");
        }
      }
      assertThat(mf5.path("accidents").get(0).path("device_category").asText()).isEqualTo("AT");
      assertThat(mf5.path("accidents").get(0).path("location_wkt").asText()).startsWith("POINT");
      assertThat(mf5.path("qa_visits").get(0).path("nonconformities").asInt()).isEqualTo(1);
      assertThat(mf5.path("direct_evidence").asText()).contains("Technical Annex");
      assertThat(mf5.path("devices").get(0).path("lot_number").asText()).isEqualTo("BZE-24-0318");
    }
  }
}
