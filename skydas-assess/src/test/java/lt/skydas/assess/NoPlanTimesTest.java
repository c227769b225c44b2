package lt.skydas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lt.skydas.core.progress.Progress;
import lt.skydas.mobility.Season;
import lt.skydas.mobility.SpeedTable;
import lt.skydas.mobility.VehicleClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The no-plan times kept on disk ({@link Assessor#keepNoPlanTimesIn}): a second assessor of the
 * same region reads them instead of searching, a case with other inputs gets its own, a damaged
 * file is searched again and rewritten, and a place that cannot be written changes nothing.
 */
class NoPlanTimesTest {
  @TempDir Path dir;

  private static Assessor assessor(AssessmentRegion region, SyntheticRegion r) {
    return new Assessor(
        region,
        List.of(
            new Objective(
                "target",
                "Target",
                new GeometryFactory().createPoint(new Coordinate(r.x(30.5), r.y(10.5))),
                0)),
        Progress.NONE);
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("cache"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("no-plan-")).sorted().toList();
    }
  }

  @Test
  void timesAreKeptPerCaseAndReadBackByTheNextAssessor() throws Exception {
    SyntheticRegion r = new SyntheticRegion(40, 20);
    r.column(20, 0, 19, SyntheticRegion.RIVER);
    r.road(0.5, 10.5, 39.5, 10.5, "PRIMARY", false);
    AssessmentRegion region = r.build();
    SpeedTable speeds = SpeedTable.defaults();
    Path cache = dir.resolve("cache");

    double[] plain =
        assessor(region, r).arrivals(VehicleClass.TRACKED, Season.DRY, speeds, null).objective_s();
    assertThat(plain[0]).isFinite().isPositive();
    Assessor first = assessor(region, r).keepNoPlanTimesIn(cache);
    assertThat(first.arrivals(VehicleClass.TRACKED, Season.DRY, speeds, null).objective_s())
        .containsExactly(plain);
    assertThat(files()).hasSize(1);
    first.arrivals(VehicleClass.WHEELED, Season.DRY, speeds, null);
    first.arrivals(VehicleClass.TRACKED, Season.WET, speeds, null);
    List<Path> kept = files();
    assertThat(kept).as("one file per case").hasSize(3);

    // the next assessor reads the file: a value written there comes back (no search)
    Path tracked = null;
    for (Path p : kept) {
      if (Files.readAllLines(p).get(1).equals(Double.toString(plain[0]))) {
        tracked = p;
      }
    }
    assertThat(tracked).as("the tracked/dry file holds its time").isNotNull();
    String header = Files.readAllLines(tracked).get(0);
    Files.writeString(tracked, header + "\n1234.5\n", StandardCharsets.UTF_8);
    Assessor second = assessor(region, r).keepNoPlanTimesIn(cache);
    assertThat(second.arrivals(VehicleClass.TRACKED, Season.DRY, speeds, null).objective_s())
        .containsExactly(1234.5);

    // a damaged file counts as absent: searched again and rewritten
    Files.writeString(tracked, header + "\nnot a number\n", StandardCharsets.UTF_8);
    Assessor third = assessor(region, r).keepNoPlanTimesIn(cache);
    assertThat(third.arrivals(VehicleClass.TRACKED, Season.DRY, speeds, null).objective_s())
        .containsExactly(plain);
    assertThat(Files.readAllLines(tracked).get(1)).isEqualTo(Double.toString(plain[0]));
  }

  @Test
  void aPlaceThatCannotBeWrittenOnlyCostsTheSearch() throws Exception {
    SyntheticRegion r = new SyntheticRegion(40, 20);
    r.road(0.5, 10.5, 39.5, 10.5, "PRIMARY", false);
    AssessmentRegion region = r.build();
    Path blocker = dir.resolve("a-file");
    Files.writeString(blocker, "not a directory");
    SpeedTable speeds = SpeedTable.defaults();
    double[] plain =
        assessor(region, r).arrivals(VehicleClass.TRACKED, Season.DRY, speeds, null).objective_s();
    Assessor a = assessor(region, r).keepNoPlanTimesIn(blocker.resolve("cache"));
    assertThat(a.arrivals(VehicleClass.TRACKED, Season.DRY, speeds, null).objective_s())
        .containsExactly(plain);
    assertThat(a.arrivals(VehicleClass.TRACKED, Season.DRY, speeds, null).objective_s())
        .containsExactly(plain);
    assertThat(Files.readString(blocker)).isEqualTo("not a directory");
  }
}
