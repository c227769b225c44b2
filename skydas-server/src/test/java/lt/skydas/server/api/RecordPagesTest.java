package lt.skydas.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.plan.ObstacleCatalog;
import lt.skydas.registry.Actor;
import lt.skydas.registry.RecordDraft;
import lt.skydas.registry.Registry;
import lt.skydas.registry.RegistryRecord;
import lt.skydas.registry.Role;
import lt.skydas.registry.Territory;
import lt.skydas.registry.store.JdbcStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** Pages end at the limit or the vertex budget, never lose or repeat a record across pages. */
class RecordPagesTest {
  @TempDir Path dir;

  @Test
  void aVertexBudgetCutsPagesAndPagingReadsEveryRecordOnce() {
    GeometryFactory gf = new GeometryFactory();
    try (Registry reg =
        new Registry(
            JdbcStore.open(dir.resolve("r.gpkg").toString(), true),
            ObstacleCatalog.defaults(),
            Territory.load(Path.of("../data/baltic/countries.geojson.gz"), "LT"),
            Clock.systemUTC())) {
      List<RecordDraft> drafts = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        // ditches of 1,000 vertices each (every 2 m along 2 km), the third one of 3,000
        int n = i == 2 ? 3000 : 1000;
        Coordinate[] cs = new Coordinate[n];
        for (int k = 0; k < n; k++) {
          cs[k] = new Coordinate(24.2 + k * 0.00003, 55.2 + i * 0.01);
        }
        LineString l = gf.createLineString(cs);
        l.setSRID(4326);
        drafts.add(RecordDraft.planned("d" + i, "at_ditch", l));
      }
      reg.importAll(new Actor("ona", Role.PLANNER), drafts, "test");

      List<String> seen = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      int offset = 0;
      for (int guard = 0; guard < 20; guard++) {
        RecordPages.Page p = RecordPages.read(reg, null, null, null, 100, offset, 2500);
        p.records().forEach(r -> seen.add(r.id()));
        sizes.add(p.records().size());
        if (!p.cut()) {
          break;
        }
        offset += p.records().size();
      }
      assertThat(seen).containsExactly("d0", "d1", "d2", "d3", "d4", "d5", "d6");
      // d0+d1 (2,000), d2 alone (3,000: over the budget, but a page holds at least one), d3+d4,
      // d5+d6
      assertThat(sizes).containsExactly(2, 1, 2, 2);
      assertThat(RecordPages.read(reg, null, null, null, 3, 0, 1_000_000).records())
          .extracting(RegistryRecord::id)
          .containsExactly("d0", "d1", "d2");
    }
  }
}
