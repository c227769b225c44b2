package lt.skydas.emplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;

/** Depots read from registry records (GeoJSON as `skydas registry export` writes them). */
class ForcesReaderRecordsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // friendly: east of x = 0 (LKS-94 metres), so every Lithuanian point
  private final ForcesReader reader = new ForcesReader(Set.of("engineer_section"), (x, y) -> x > 0);

  private static JsonNode records(String... features) throws Exception {
    return JSON.readTree(
        "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
  }

  private static String depot(String id, String status, String geometry, String stock) {
    return "{\"type\":\"Feature\",\"id\":\""
        + id
        + "\",\"properties\":{\"id\":\""
        + id
        + "\",\"kind\":\"depot\",\"name\":\"D "
        + id
        + "\",\"status\":\""
        + status
        + "\",\"depot\":{\"stock\":"
        + stock
        + "}},\"geometry\":"
        + geometry
        + "}";
  }

  private static final String POINT = "{\"type\":\"Point\",\"coordinates\":[24.0,54.9]}";

  @Test
  void depotsInServiceAreReadWithTheirStockAndTheRestPassedOver() throws Exception {
    List<Forces.Depot> d =
        reader.depotsFromRecords(
            records(
                depot("a", "stocked", POINT, "{\"at_mines\":100}"),
                depot("b", "prepared", POINT, "{}"),
                depot("c", "planned", POINT, "{\"at_mines\":5}"),
                depot("e", "closed", POINT, "{\"at_mines\":5}"),
                "{\"type\":\"Feature\",\"properties\":{\"kind\":\"minefield\"},\"geometry\":"
                    + POINT
                    + "}"),
            "recs");
    assertThat(d).extracting(Forces.Depot::id).containsExactly("a", "b");
    assertThat(d.get(0).stock()).containsEntry("at_mines", 100.0);
    assertThat(d.get(0).x()).isPositive();
  }

  @Test
  void badRecordsAreNamed() {
    assertThatThrownBy(
            () ->
                reader.depotsFromRecords(
                    records(
                        depot(
                            "l",
                            "stocked",
                            "{\"type\":\"LineString\",\"coordinates\":[[24,54],[25,55]]}",
                            "{}")),
                    "recs"))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("depot record \"l\"")
        .hasMessageContaining("Point");
    assertThatThrownBy(
            () ->
                reader.depotsFromRecords(
                    records(depot("n", "stocked", POINT, "{\"at_mines\":-1}")), "recs"))
        .hasMessageContaining("stock.at_mines must be a number >= 0");
    assertThatThrownBy(() -> reader.depotsFromRecords(JSON.readTree("[1]"), "recs"))
        .hasMessageContaining("not a GeoJSON FeatureCollection");
    assertThatThrownBy(
            () -> reader.depotsFromRecords(records(depot("p", "planned", POINT, "{}")), "recs"))
        .hasMessageContaining("1 depot record(s), none in service");
  }
}
