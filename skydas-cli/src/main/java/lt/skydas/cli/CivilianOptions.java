package lt.skydas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.assess.Assessor;
import lt.skydas.assess.civil.ShelterSite;
import picocli.CommandLine.Option;

/**
 * The civilians' inputs of {@code assess} and {@code civilians} (docs/civilians.md): the shelters
 * whose places count and where evacuees go.
 */
final class CivilianOptions {
  @Option(
      names = "--shelters",
      paramLabel = "FILE",
      description =
          "Shelter layer (GeoJSON, CSV, GeoPackage or KML with capacity_persons; OSM shelter tags"
              + " read): the people in the attacker's 48 h reach with a place within a 15 min"
              + " walk. The registry's ready shelters count too when --registry (or"
              + " $SKYDAS_REGISTRY) is given.")
  Path shelters;

  @Option(
      names = "--rear",
      paramLabel = "FILE",
      description =
          "Where evacuees go: GeoJSON assembly points, or rear lines (a point every 2 km). Default:"
              + " the towns of 10,000 people or more the attacker reaches last.")
  Path rear;

  /** Sends {@code assessor}'s evacuees to the rear given, if any (read and checked here). */
  void applyRear(Assessor assessor, RegionStore.Loaded loaded) {
    if (rear != null) {
      assessor.evacuateTo(RearReader.read(rear, loaded.pack()));
    }
  }

  /**
   * {@code r} with the shelter places of the people in its 48 h reach, when shelters were given
   * ({@code --shelters}, or the ready shelters of the registry at {@code registry}, may be null);
   * unchanged otherwise.
   */
  AssessmentResult withShelters(
      AssessmentResult r, RegionStore.Loaded loaded, Assessor assessor, String registry) {
    ShelterInputs in = new ShelterInputs(loaded.pack());
    List<ShelterSite> sites = new ArrayList<>();
    if (shelters != null) {
      sites.addAll(in.standing(shelters));
    }
    if (registry != null) {
      sites.addAll(in.standing(registry, false));
    }
    if (shelters == null && sites.isEmpty()) {
      return r;
    }
    return r.withShelterPlaces(assessor, loaded.region().residents(), sites);
  }
}
