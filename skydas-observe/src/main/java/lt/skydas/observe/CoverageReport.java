package lt.skydas.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.skydas.plan.SensorSite;
import lt.skydas.plan.TargetClass;
import org.locationtech.jts.geom.Geometry;

/**
 * What a plan's sensor sites observe, per target class: the coverage grid and, for each named line
 * (the hostile borders), its observed and unobserved stretches.
 *
 * @param targets one entry per target class asked for, in the order asked
 * @param notes sites that observe nothing for some target, and why, for the user
 * @param conflicts the plan's own sites its jammers would deny
 * @param blankets what each jammer denies everywhere in its radius (GNSS, drone links, radios)
 * @param protection whether each named site asked about is protected against small UAS
 */
public record CoverageReport(
    List<TargetCoverage> targets,
    List<String> notes,
    List<JammingConflicts.Conflict> conflicts,
    List<JammingConflicts.Blanket> blankets,
    List<SiteProtection> protection) {
  /**
   * @param targetHeight_m the target's height above the surface used, m
   * @param lines coverage of each named line, by name ({@code LT-BY}), in the order given
   */
  public record TargetCoverage(
      TargetClass target,
      double targetHeight_m,
      CoverageGrid grid,
      Map<String, LineCoverage> lines) {}

  public CoverageReport {
    targets = List.copyOf(targets);
    notes = List.copyOf(notes);
    conflicts = List.copyOf(conflicts);
    blankets = List.copyOf(blankets);
    protection = List.copyOf(protection);
  }

  /**
   * Computes the coverage of {@code sites} over {@code surface} for each of {@code targets}, of
   * each of {@code lines} (LKS-94, sampled every half cell), and the protection of each of {@code
   * protect} against small UAS.
   */
  public static CoverageReport compute(
      Surface surface,
      List<SensorSite> sites,
      List<TargetClass> targets,
      Map<String, Geometry> lines,
      List<SiteProtection.NamedPoint> protect,
      int threads) {
    List<TargetCoverage> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (TargetClass t : targets) {
      List<SensorPlacement> placements = new ArrayList<>();
      for (SensorSite s : sites) {
        placements.add(SensorPlacement.of(s, t));
      }
      double h = Coverage.DEFAULT_TARGET_HEIGHT_M.get(t);
      CoverageGrid grid = Coverage.compute(surface, placements, t, h, threads);
      for (String id : grid.unplaced()) {
        SensorSite s = sites.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        notes.add(
            id
                + " ("
                + s.type().id()
                + ") observes no "
                + t.id()
                + (s.type().range_m(t) <= 0
                    ? ": the type does not detect it"
                    : ": it stands outside the region or on a cell without data"));
      }
      Map<String, LineCoverage> lc = new LinkedHashMap<>();
      lines.forEach(
          (name, g) -> lc.put(name, LineCoverage.of(grid, g, surface.grid().cellSize() / 2)));
      out.add(new TargetCoverage(t, h, grid, lc));
    }
    return new CoverageReport(
        out,
        notes,
        JammingConflicts.conflicts(sites),
        JammingConflicts.blankets(sites),
        protect.isEmpty() ? List.of() : SiteProtection.of(surface, sites, protect, threads));
  }
}
