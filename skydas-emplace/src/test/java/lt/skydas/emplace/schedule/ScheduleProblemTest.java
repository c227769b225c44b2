package lt.skydas.emplace.schedule;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input: one IllegalArgumentException naming the team or job. */
class ScheduleProblemTest {
  private static final double[][] T = {{0, 60, 120}, {60, 0, 60}, {120, 60, 0}};
  private static final Team TEAM = new Team("T1", "U", "sapper", 0, 0);
  private static final Map<String, Double> WORK = Map.of("sapper", 600.0);

  private static Job job(String id, int site, int depot) {
    return new Job(id, site, depot, 1, 3600, WORK);
  }

  @Test
  void duplicateJobId() {
    assertThatThrownBy(
            () -> ScheduleProblem.of(List.of(TEAM), List.of(job("J1", 1, -1), job("J1", 2, -1)), T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job J1")
        .hasMessageContaining("duplicate");
  }

  @Test
  void duplicateTeamId() {
    assertThatThrownBy(() -> ScheduleProblem.of(List.of(TEAM, TEAM), List.of(job("J1", 1, -1)), T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("team T1")
        .hasMessageContaining("duplicate");
  }

  @Test
  void siteOutsideTheMatrix() {
    assertThatThrownBy(() -> ScheduleProblem.of(List.of(TEAM), List.of(job("J7", 3, -1)), T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job J7")
        .hasMessageContaining("site location 3");
  }

  @Test
  void depotOutsideTheMatrix() {
    assertThatThrownBy(() -> ScheduleProblem.of(List.of(TEAM), List.of(job("J2", 1, 5)), T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job J2")
        .hasMessageContaining("depot location 5");
    assertThatThrownBy(() -> ScheduleProblem.of(List.of(TEAM), List.of(job("J3", 1, -2)), T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job J3");
  }

  @Test
  void homeOutsideTheMatrix() {
    Team far = new Team("T9", "U", "sapper", 4, 0);
    assertThatThrownBy(() -> ScheduleProblem.of(List.of(far), List.of(job("J1", 1, -1)), T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("team T9")
        .hasMessageContaining("home location 4");
  }

  @Test
  void negativeOrNanTravel() {
    double[][] bad = {{0, Double.NaN, 120}, {60, 0, 60}, {120, -1, 0}};
    assertThatThrownBy(() -> ScheduleProblem.of(List.of(TEAM), List.of(job("J1", 1, -1)), bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("team T1 → job J1")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> ScheduleProblem.of(List.of(TEAM), List.of(job("J4", 1, 2)), bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job J4")
        .hasMessageContaining("depot → site");
  }

  @Test
  void raggedMatrix() {
    double[][] ragged = {{0, 60}, {60}};
    assertThatThrownBy(() -> ScheduleProblem.of(List.of(TEAM), List.of(), ragged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1");
  }

  @Test
  void badOptions() {
    assertThatThrownBy(() -> SchedulerOptions.builder().withTimeLimit_s(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeLimit_s");
    assertThatThrownBy(() -> SchedulerOptions.builder().withThreads(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
  }
}
