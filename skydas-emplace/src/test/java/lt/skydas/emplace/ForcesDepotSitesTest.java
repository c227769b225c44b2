package lt.skydas.emplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.Test;

/** Depot sites in a forces file: read, checked, built into depots. */
class ForcesDepotSitesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // friendly: east of x = 0 (LKS-94 metres), so every Lithuanian point
  private final ForcesReader reader = new ForcesReader(Set.of("engineer_section"), (x, y) -> x > 0);

  private Forces parse(String sites) throws Exception {
    return reader.parse(
        JSON.readTree(
            "{\"depots\": [{\"id\": \"d1\", \"name\": \"D1\", \"lon\": 24.0, \"lat\": 54.9,"
                + " \"stock\": {\"at_mines\": 10}}],"
                + " \"units\": [{\"id\": \"u1\", \"name\": \"U1\", \"lon\": 24.0, \"lat\": 54.9,"
                + " \"readiness_h\": 6, \"teams\": {\"engineer_section\": 1}}]"
                + (sites == null ? "" : ", \"depot_sites\": " + sites)
                + "}"),
        "f.json");
  }

  private static String site(String id, String cost, String capacity) {
    return "{\"id\": \""
        + id
        + "\", \"name\": \"S "
        + id
        + "\", \"lon\": 23.35, \"lat\": 54.56, \"build_cost_eur\": "
        + cost
        + ", \"capacity\": "
        + capacity
        + "}";
  }

  @Test
  void sitesAreReadAndBuildingOneMakesItADepotStoringItsCapacity() throws Exception {
    Forces f =
        parse(
            "["
                + site("s1", "15000000", "{\"at_mines\": 10000}")
                + ","
                + site("s2", "0", "{}")
                + "]");
    assertThat(f.depotSites()).extracting(Forces.DepotSite::id).containsExactly("s1", "s2");
    assertThat(f.depotSites().get(0).build_eur()).isEqualTo(15e6);
    assertThat(f.depotSites().get(0).x()).isPositive();
    Forces b = f.withBuilt(List.of("s1"));
    assertThat(b.depots()).extracting(Forces.Depot::id).containsExactly("d1", "s1");
    assertThat(b.depots().get(1).stock()).containsEntry("at_mines", 10000.0);
    assertThat(b.depotSites()).extracting(Forces.DepotSite::id).containsExactly("s2");
    assertThat(b.origin()).contains("depots built at s1");
    assertThat(b.stock("at_mines")).isEqualTo(10010.0);
    assertThat(f.withBuilt(List.of())).isSameAs(f);
    assertThatThrownBy(() -> f.withBuilt(List.of("nowhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nowhere");
    // no depot_sites: none; the shipped forces offer four
    assertThat(parse(null).depotSites()).isEmpty();
    assertThat(
            new ForcesReader(
                    Set.of(
                        "engineer_section",
                        "mechanical_minelayer",
                        "demolition_squad",
                        "closure_team"),
                    (x, y) -> true)
                .defaults()
                .depotSites())
        .hasSize(4)
        .allSatisfy(s -> assertThat(s.build_eur()).isPositive());
  }

  @Test
  void badSitesAreRefusedNamingTheSiteAndTheField() {
    assertThatThrownBy(() -> parse("{}"))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageContaining("f.json")
        .hasMessageContaining("depot_sites\" must be an array");
    assertThatThrownBy(() -> parse("[" + site("s1", "-5", "{}") + "]"))
        .hasMessageContaining("depot_site \"s1\"")
        .hasMessageContaining("build_cost_eur must be a number of euros");
    assertThatThrownBy(() -> parse("[" + site("s1", "\"cheap\"", "{}") + "]"))
        .hasMessageContaining("build_cost_eur");
    assertThatThrownBy(() -> parse("[" + site("s1", "1", "{\"at_mines\": -1}") + "]"))
        .hasMessageContaining("depot_site \"s1\"")
        .hasMessageContaining("capacity.at_mines must be a number >= 0");
    assertThatThrownBy(() -> parse("[" + site("s1", "1", "[]") + "]"))
        .hasMessageContaining("capacity must be an object");
    // an id shared with a depot or unit
    assertThatThrownBy(() -> parse("[" + site("d1", "1", "{}") + "]"))
        .hasMessageContaining("duplicate id");
    // outside the friendly territory
    assertThatThrownBy(
            () ->
                parse(
                    "[{\"id\": \"s9\", \"name\": \"S\", \"lon\": 10.0, \"lat\": 54.0,"
                        + " \"build_cost_eur\": 1, \"capacity\": {}}]"))
        .hasMessageContaining("depot_site \"s9\"");
  }
}
