package lt.skydas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.emplace.EmplaceOptions;
import lt.skydas.mobility.VehicleClass;
import org.junit.jupiter.api.Test;

/** The server's emplace job: parameters become options; a bad one names its JSON field. */
class EmplaceJobTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PLAN = "\"plan\": {\"type\": \"FeatureCollection\", \"features\": []}";
  private final EmplaceJob job = new EmplaceJob(null);

  private SkydasProblem problem(String json) {
    return catchThrowableOfType(SkydasProblem.class, () -> job.validate(JSON.readTree(json)));
  }

  @Test
  void theParametersBecomeTheOptions() throws Exception {
    var p =
        JSON.readTree(
            "{"
                + PLAN
                + ", \"warning_h\": 12, \"curve_h\": [0, 24], \"classes\": [\"tracked\"],"
                + " \"warning_at\": \"2027-06-01T09:00:00+03:00\"}");
    job.validate(p);
    EmplaceOptions o = EmplaceJob.options(p);
    assertThat(EmplaceJob.warning(p)).isEqualTo(12);
    assertThat(EmplaceJob.warningAt(p)).isEqualTo(java.time.Instant.parse("2027-06-01T06:00:00Z"));
    assertThat(o.curve_h()).containsExactly(0, 24);
    assertThat(o.assessment().classes()).containsExactly(VehicleClass.TRACKED);
    assertThat(EmplaceJob.options(JSON.readTree("{" + PLAN + ", \"warning_h\": 1}")).curve_h())
        .containsExactly(EmplaceOptions.DEFAULT_CURVE_H);
  }

  @Test
  void aBadParameterIsBadInputNamingItsJsonField() {
    SkydasProblem noPlan = problem("{\"warning_h\": 1}");
    assertThat(noPlan.code()).isEqualTo(ProblemCode.BAD_INPUT);
    assertThat(noPlan.details()).containsEntry("field", "plan");
    SkydasProblem neg = problem("{" + PLAN + ", \"warning_h\": -3}");
    assertThat(neg.details()).containsEntry("field", "warning_h");
    assertThat(neg.getMessage()).contains("within 0..720");
    assertThat(problem("{" + PLAN + "}").details()).containsEntry("field", "warning_h");
    SkydasProblem falling = problem("{" + PLAN + ", \"warning_h\": 1, \"curve_h\": [6, 3]}");
    assertThat(falling.details()).containsEntry("field", "curve_h");
    assertThat(falling.getMessage()).contains("must rise");
    assertThat(problem("{" + PLAN + ", \"warning_h\": 1, \"curve_h\": \"soon\"}").details())
        .containsEntry("field", "curve_h");
    assertThat(problem("{" + PLAN + ", \"warning_h\": 1, \"in_place\": \"mf-1\"}").details())
        .containsEntry("field", "in_place");
    assertThat(problem("{" + PLAN + ", \"warning_h\": 1, \"warning_at\": \"soon\"}").details())
        .containsEntry("field", "warning_at");
    assertThat(problem("{" + PLAN + ", \"warning_h\": 1, \"depots\": [1, 2]}").details())
        .containsEntry("field", "depots");
  }
}
