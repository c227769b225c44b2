package lt.skydas.registry;

import static lt.skydas.registry.Fixtures.ADMIN;
import static lt.skydas.registry.Fixtures.PLANNER;
import static lt.skydas.registry.Fixtures.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A neighbour's line in the registry (issue 16): imported whole with its provenance, read-only,
 * replaced only by a new import, and chained in the audit trail so that an edit outside Skydas is
 * found; bad input refused with nothing stored.
 */
class NeighbourLinesTest {
  @TempDir Path dir;
  Registry reg;

  @AfterEach
  void close() {
    if (reg != null) {
      reg.close();
    }
  }

  /** A ditch and a mast on Poland's side near Suwałki. */
  static List<RecordDraft> polishLine() {
    return List.of(
        RecordDraft.builder()
            .withId("pl-ditch-1")
            .withType("at_ditch")
            .withName("Tarcza Wschód, odcinek 1")
            .withStatus(Status.EMPLACED)
            .withGeometry(Fixtures.line(22.90, 54.10, 0.02))
            .withWhere("east-shield.geojson feature 1")
            .build(),
        RecordDraft.builder()
            .withId("pl-mast-1")
            .withType("eoir_mast")
            .withGeometry(Fixtures.point(22.95, 54.12))
            .withWhere("east-shield.geojson feature 2")
            .build());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void aLineIsStoredWholeWithItsProvenanceAndChained(TestDatabases.Store store) {
    reg = Fixtures.open(store.fresh(dir));
    NeighbourLine line =
        reg.importNeighbourLine(
            PLANNER, "PL", "east-shield.geojson", "shared 2026-11-30", polishLine());
    assertThat(line.features()).isEqualTo(2);
    assertThat(line.importedBy()).isEqualTo("ona");
    assertThat(reg.neighbourLines()).containsExactly(line);
    List<NeighbourFeature> fs = reg.neighbourFeatures("PL", null);
    assertThat(fs).extracting(NeighbourFeature::id).containsExactly("pl-ditch-1", "pl-mast-1");
    assertThat(RecordCodec.wkt(fs.get(0).geometry()))
        .isEqualTo(RecordCodec.wkt(Fixtures.line(22.90, 54.10, 0.02)));
    assertThat(fs.get(0).status()).isEqualTo("emplaced");
    assertThat(fs.get(0).name()).isEqualTo("Tarcza Wschód, odcinek 1");
    assertThat(line.sha256()).isEqualTo(NeighbourLine.digest(fs));
    // a bbox away from it finds nothing
    assertThat(reg.neighbourFeatures(null, new org.locationtech.jts.geom.Envelope(25, 26, 55, 56)))
        .isEmpty();
    List<AuditEvent> h = reg.history(NeighbourLine.entityId("PL"));
    assertThat(h).extracting(AuditEvent::action).containsExactly("import");
    assertThat(h.get(0).after()).isEqualTo(line.toJson());
    assertThat(reg.verify().problems()).isEmpty();
    // read-only: its features are no records, so nothing edits them
    assertThat(reg.find("pl-ditch-1")).isEmpty();
    assertThatThrownBy(
            () -> reg.update(PLANNER, "pl-ditch-1", 1, TestDrafts.edit().withName("x").build()))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.NOT_FOUND));
    // a new import replaces the line whole, the one before kept in the chain
    NeighbourLine again =
        reg.importNeighbourLine(
            ADMIN, "PL", "east-shield-v2.gpkg", null, polishLine().subList(0, 1));
    assertThat(reg.neighbourFeatures("PL", null)).hasSize(1);
    assertThat(reg.neighbourLines()).containsExactly(again);
    h = reg.history(NeighbourLine.entityId("PL"));
    assertThat(h).extracting(AuditEvent::action).containsExactly("import", "reimport");
    assertThat(h.get(1).before()).isEqualTo(line.toJson());
    assertThat(reg.verify().problems()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void anEditOutsideSkydasIsFound(TestDatabases.Store store) {
    reg = Fixtures.open(store.fresh(dir));
    reg.importNeighbourLine(PLANNER, "PL", "east-shield.geojson", null, polishLine());
    reg.store().executeRaw("UPDATE neighbour_features SET name = 'moved' WHERE id = 'pl-mast-1'");
    assertThat(reg.verify().problems())
        .containsExactly(
            "neighbour line PL: its features differ from those imported (2 stored, 2 imported;"
                + " changed outside Skydas)");
    reg.store().executeRaw("DELETE FROM neighbour_features WHERE id = 'pl-mast-1'");
    assertThat(reg.verify().problems())
        .containsExactly(
            "neighbour line PL: its features differ from those imported (1 stored, 2 imported;"
                + " changed outside Skydas)");
    reg.store().executeRaw("UPDATE neighbour_lines SET doc = '{}' WHERE country = 'PL'");
    assertThat(reg.verify().problems())
        .containsExactly(
            "neighbour line PL: its provenance differs from its audit event (changed outside"
                + " Skydas)");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabases.Store.class)
  void badInputIsNamedAndNothingStoredIsLost(TestDatabases.Store store) {
    reg = Fixtures.open(store.fresh(dir));
    NeighbourLine kept =
        reg.importNeighbourLine(PLANNER, "PL", "east-shield.geojson", null, polishLine());
    List<RecordDraft> bad =
        List.of(
            polishLine().get(0),
            RecordDraft.builder()
                .withId("in-belarus")
                .withType("at_ditch")
                .withGeometry(Fixtures.line(24.0, 53.6, 0.02))
                .withWhere("east-shield.geojson feature 2")
                .build(),
            RecordDraft.builder()
                .withId("odd")
                .withType("moat")
                .withGeometry(Fixtures.point(22.95, 54.12))
                .withWhere("east-shield.geojson feature 3")
                .build());
    assertThatThrownBy(() -> reg.importNeighbourLine(PLANNER, "PL", "bad.geojson", null, bad))
        .isInstanceOfSatisfying(
            SkydasProblem.class,
            p -> {
              assertThat(p.code()).isEqualTo(ProblemCode.BAD_INPUT);
              assertThat(p.getMessage())
                  .contains("nothing imported from bad.geojson: 2 problem(s)")
                  .contains(
                      "east-shield.geojson feature 2: geometry: lies in Belarus (BY), not on PL's"
                          + " side of the border")
                  .contains("east-shield.geojson feature 3: type: 'moat' is no catalog type");
            });
    assertThatThrownBy(
            () -> reg.importNeighbourLine(PLANNER, "LT", "ours.geojson", null, polishLine()))
        .hasMessageContaining("LT is this registry's home country");
    assertThatThrownBy(
            () -> reg.importNeighbourLine(VIEWER, "PL", "east-shield.geojson", null, polishLine()))
        .isInstanceOfSatisfying(
            SkydasProblem.class, p -> assertThat(p.code()).isEqualTo(ProblemCode.FORBIDDEN));
    assertThatThrownBy(
            () ->
                reg.importNeighbourLine(
                    PLANNER, "PL", "east\u0000shield.geojson", null, polishLine()))
        .hasMessageContaining("source: control character U+0000");
    // the line imported before is untouched
    assertThat(reg.neighbourLines()).containsExactly(kept);
    assertThat(reg.neighbourFeatures("PL", null)).hasSize(2);
    assertThat(reg.verify().problems()).isEmpty();
  }
}
