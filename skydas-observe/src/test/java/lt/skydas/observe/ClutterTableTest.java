package lt.skydas.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.region.LandCover;
import org.junit.jupiter.api.Test;

class ClutterTableTest {
  private static final String HEADER = "land_cover,height_m,source,note\n";

  private static String allBut(String cover) {
    StringBuilder sb = new StringBuilder(HEADER);
    for (LandCover c : LandCover.values()) {
      if (!c.name().equals(cover)) {
        sb.append(c.name()).append(",0,estimate,flat\n");
      }
    }
    return sb.toString();
  }

  private static ClutterTable parse(String csv) throws Exception {
    return ClutterTable.parse(new StringReader(csv), "clutter.csv");
  }

  @Test
  void theShippedTableCoversEveryClassWithASourceOrAReasonedEstimate() {
    ClutterTable t = ClutterTable.defaults();
    for (LandCover c : LandCover.values()) {
      ClutterTable.Entry e = t.entry(c);
      assertThat(e).as(c.name()).isNotNull();
      assertThat(e.source()).isNotBlank();
      if (e.source().equals("estimate")) {
        assertThat(e.note()).as(c.name()).isNotBlank();
      }
    }
    assertThat(t.height_m(LandCover.FOREST.code())).isEqualTo(20f);
    assertThat(t.height_m(LandCover.OPEN.code())).isZero();
    assertThat(t.height_m(LandCover.BUILT_UP.code())).isGreaterThan(0f);
  }

  @Test
  void badRowsAreOneLineNamingTheFileTheLineAndWhatIsWrong() {
    assertThatThrownBy(() -> parse(allBut("FOREST") + "JUNGLE,30,estimate,tall\n"))
        .isInstanceOf(SkydasProblem.class)
        .hasMessageStartingWith("clutter.csv: line ")
        .hasMessageContaining("unknown land_cover JUNGLE");
    assertThatThrownBy(() -> parse(allBut("FOREST") + "FOREST,-3,estimate,tall\n"))
        .hasMessageContaining("height_m must be finite and within 0..100, not -3");
    assertThatThrownBy(() -> parse(allBut("FOREST") + "FOREST,abc,estimate,tall\n"))
        .hasMessageContaining("height_m is not a number: abc");
    assertThatThrownBy(() -> parse(allBut("FOREST") + "FOREST,20,estimate,\n"))
        .hasMessageContaining("an estimate needs a note");
    assertThatThrownBy(() -> parse(allBut("FOREST") + "FOREST,20,,\n"))
        .hasMessageContaining("column source is empty or missing");
    assertThatThrownBy(() -> parse(allBut("FOREST")))
        .hasMessage("clutter.csv: no clutter height for [FOREST]");
    assertThatThrownBy(() -> parse(allBut("") + "OPEN,1,estimate,again\n"))
        .hasMessageContaining("duplicate row for OPEN");
  }

  @Test
  void aMissingFileIsNotFound() {
    assertThatThrownBy(() -> ClutterTable.load(java.nio.file.Path.of("no/such/clutter.csv")))
        .isInstanceOfSatisfying(
            SkydasProblem.class,
            p -> assertThat(p.code()).isEqualTo(lt.skydas.core.problem.ProblemCode.NOT_FOUND));
  }
}
