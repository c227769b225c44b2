package lt.skydas.optimize.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, land release by survey: a suspected area is cancelled in part by non-technical survey
 * and reduced in part by technical survey, at the catalog's shares and productivities, before it is
 * cleared; a confirmed area is cleared whole; a survey kind without its share is refused.
 */
class ClearanceSurveyTest {
  @TempDir Path dir;

  @Test
  void aSuspectedAreaIsSurveyedDownBeforeItIsCleared() {
    ClearanceAssets cat = ClearanceAssets.defaults();
    HazardArea sha = new HazardArea("s", 100_000, Set.of("AT"), "open", 1, 0, 0, true);
    HazardArea cha = new HazardArea("c", 40_000, Set.of("AT"), "open", 1, 0, 0, false);
    ClearanceSurvey.Result r = ClearanceSurvey.apply(List.of(sha, cha), cat);
    ClearanceAsset nts = cat.get("non_technical_survey_team"),
        ts = cat.get("technical_survey_team");
    double cancelled = 100_000 * nts.releaseShare();
    double reduced = (100_000 - cancelled) * ts.releaseShare();
    assertThat(r.surveyed_m2()).isEqualTo(100_000);
    assertThat(r.cancelled_m2()).isCloseTo(cancelled, Offset.offset(1e-6));
    assertThat(r.reduced_m2()).isCloseTo(reduced, Offset.offset(1e-6));
    assertThat(r.areas()).hasSize(2);
    assertThat(r.areas().get(0).area_m2())
        .isCloseTo(100_000 - cancelled - reduced, Offset.offset(1e-6));
    assertThat(r.areas().get(0).suspected()).isFalse();
    assertThat(r.areas().get(1)).isSameAs(cha);
    // days: set-up plus the area over the day's productivity, at each kind's daily cost
    double ntsDays = nts.mobilisation_days() + 100_000 / nts.productivity_m2PerDay("open");
    double tsDays =
        ts.mobilisation_days() + (100_000 - cancelled) / ts.productivity_m2PerDay("open");
    assertThat(r.ntsDays()).isCloseTo(ntsDays, Offset.offset(1e-9));
    assertThat(r.tsDays()).isCloseTo(tsDays, Offset.offset(1e-9));
    assertThat(r.cost_eur())
        .isCloseTo(
            ntsDays * nts.cost_eurPerDay() + tsDays * ts.cost_eurPerDay(), Offset.offset(1e-6));
    // survey teams clear nothing themselves
    assertThat(nts.suits(cha)).isFalse();
  }

  @Test
  void withoutSurveyKindsASuspectedAreaIsClearedWhole() {
    ClearanceAssets clearanceOnly =
        new ClearanceAssets(
            ClearanceAssets.defaults().assets().stream()
                .filter(a -> a.kind().equals(ClearanceAsset.CLEARANCE))
                .toList(),
            20);
    HazardArea sha = new HazardArea("s", 100_000, Set.of("AT"), "open", 1, 0, 0, true);
    ClearanceSurvey.Result r = ClearanceSurvey.apply(List.of(sha), clearanceOnly);
    assertThat(r.areas()).containsExactly(sha);
    assertThat(r.surveyed_m2()).isZero();
  }

  @Test
  void aSurveyKindWithoutItsShareIsRefused() throws Exception {
    Path f = dir.resolve("a.json");
    Files.writeString(
        f,
        "{\"assets\": [{\"id\": \"nts\", \"kind\": \"non_technical_survey\","
            + " \"productivity_m2_per_day\": {\"open\": 1000}, \"cost_eur_per_day\": 1,"
            + " \"clears\": [], \"depth_cm\": 0, \"months\": [5]}]}");
    assertThatThrownBy(() -> ClearanceAssets.load(f))
        .hasMessageContaining("asset 'nts': release_share: missing");
    Files.writeString(
        f,
        "{\"assets\": [{\"id\": \"nts\", \"kind\": \"non_technical_survey\", \"release_share\": 1.5,"
            + " \"productivity_m2_per_day\": {\"open\": 1000}, \"cost_eur_per_day\": 1,"
            + " \"clears\": [], \"depth_cm\": 0, \"months\": [5]}]}");
    assertThatThrownBy(() -> ClearanceAssets.load(f))
        .hasMessageContaining("release_share: a share");
  }
}
