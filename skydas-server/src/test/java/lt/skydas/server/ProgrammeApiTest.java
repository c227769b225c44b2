package lt.skydas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import lt.skydas.registry.Actor;
import lt.skydas.registry.RecordCodec;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Role;
import lt.skydas.registry.Status;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * Issue 20 (Articles 5 and 10): the programme shows the yearly upkeep of the minefields in the
 * ground, inspections every 30 days and marking and fencing repair by perimeter, beside the build
 * cost and the clearance liability; a planned minefield costs no upkeep.
 */
class ProgrammeApiTest {
  @Test
  void theProgrammeCountsTheUpkeepOfMinefieldsInTheGround() throws Exception {
    try (TestServer ts = new TestServer(TestServer.tempDir(), Map.of())) {
      Geometry square =
          RecordCodec.geometry(
              "POLYGON ((23.70 55.09, 23.71 55.09, 23.71 55.096, 23.70 55.096, 23.70 55.09))");
      ts.registry.create(
          new Actor("planner", Role.PLANNER),
          RecordDraft.planned(
              "planned-m",
              "at_minefield",
              RecordCodec.geometry(
                  "POLYGON ((23.72 55.09, 23.725 55.09, 23.725 55.093, 23.72 55.093,"
                      + " 23.72 55.09))")));
      JsonNode before = programme(ts);
      assertThat(before.path("recurring").path("minefields_in_the_ground").asInt()).isZero();
      assertThat(before.path("recurring").path("upkeep_eur_per_year").asLong()).isZero();
      assertThat(before.path("clearance_liability_eur").asLong()).isPositive();

      ts.registry.create(
          new Actor("admin", Role.ADMIN),
          RecordDraft.planned("laid-m", "at_minefield", square).toBuilder()
              .withStatus(Status.LAID)
              .build());
      JsonNode after = programme(ts);
      // an independent figure: the square's perimeter in LKS-94, EUR 600 a visit every 30 days,
      // EUR 1,500 per km of perimeter a year
      double perimeter_m = ts.registry.territory().crs().toMetric(square).getLength();
      assertThat(perimeter_m).isBetween(2500.0, 2700.0);
      double expected = 365.0 / 30 * 600 + perimeter_m / 1000 * 1500;
      JsonNode rec = after.path("recurring");
      assertThat(rec.path("minefields_in_the_ground").asInt()).isEqualTo(1);
      assertThat(rec.path("inspection_every_days").asInt()).isEqualTo(30);
      assertThat(rec.path("upkeep_eur_per_year").asDouble()).isCloseTo(expected, within(1.0));
      assertThat(rec.path("overdue_inspections").asInt()).isZero();
      assertThat(after.path("records").asInt()).isEqualTo(2);
    }
  }

  private static JsonNode programme(TestServer ts) throws Exception {
    HttpResponse<String> r = ts.as(Role.VIEWER).get("/api/programme");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new ObjectMapper().readTree(r.body());
  }
}
