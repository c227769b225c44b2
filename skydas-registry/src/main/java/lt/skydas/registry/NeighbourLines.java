package lt.skydas.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * Imports a neighbour's line into the registry (issue 16): the features of another country's line,
 * checked (catalog types, WGS84 geometry on the owner's side of the border, unique ids, clean text)
 * and stored whole with their provenance ({@link NeighbourLine}) and one chained audit event
 * ({@code neighbour_line}, {@code import} or {@code reimport} with the line before). Read-only:
 * nothing edits a neighbour's feature, only a new import of the same country replaces its line. The
 * neighbour's minefields are the neighbour's to record; the registry keeps what was shared.
 */
final class NeighbourLines {
  /** Longest name, source or note kept. */
  static final int MAX_TEXT = 2000;

  private NeighbourLines() {}

  static NeighbourLine importLine(
      RegistryStore store,
      Clock clock,
      Catalogs catalogs,
      Territory territory,
      Actor actor,
      String country,
      String source,
      String note,
      List<RecordDraft> drafts) {
    if (actor.role() != Role.PLANNER && actor.role() != Role.ADMIN) {
      throw RegistryProblems.forbidden(actor, "import a neighbour's line (planner, admin)");
    }
    if (country == null || !country.matches("[A-Z]{2}")) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          "a neighbour's line needs its owner's ISO 3166-1 alpha-2 code (PL, LV …), not '"
              + RegistryProblems.shorten(String.valueOf(country))
              + "'");
    }
    if (country.equals(territory.homeIso())) {
      throw new SkydasProblem(
          ProblemCode.USAGE,
          country
              + " is this registry's home country: its obstacles are records (registry import),"
              + " not a neighbour's line");
    }
    String src = Text.clean(source, MAX_TEXT, "source");
    String why = Text.clean(note, MAX_TEXT, "note");
    if (drafts.isEmpty()) {
      throw SkydasProblem.badInput(src, null, "holds no features: a line needs obstacles");
    }
    List<NeighbourFeature> features = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < drafts.size(); i++) {
      RecordDraft d = drafts.get(i);
      String id = d.id() != null ? d.id() : "f" + (i + 1);
      String where = d.where() != null ? d.where() : "feature " + (i + 1);
      List<FieldError> fe = new ArrayList<>();
      if (!ids.add(id)) {
        fe.add(new FieldError("id", "'" + RegistryProblems.shorten(id) + "' is given twice"));
      }
      if (id.length() > 200) {
        fe.add(new FieldError("id", id.length() + " characters, at most 200 allowed"));
      }
      Catalogs.RecordType type = d.type() == null ? null : catalogs.findType(d.type()).orElse(null);
      if (type == null) {
        fe.add(
            new FieldError(
                "type",
                d.type() == null
                    ? "missing"
                    : "'" + RegistryProblems.shorten(d.type()) + "' is no catalog type"));
      }
      fe.addAll(GeometryChecks.checkRecord(d.geometry(), type, territory, country));
      String name = null;
      try {
        name = Text.clean(d.name(), MAX_TEXT, "name");
      } catch (SkydasProblem p) {
        fe.add(new FieldError("name", p.getMessage()));
      }
      for (FieldError f : fe) {
        errors.add(f.at(where));
      }
      if (fe.isEmpty()) {
        features.add(
            new NeighbourFeature(
                country,
                id,
                d.type(),
                name,
                d.status() == null ? null : d.status().id(),
                d.geometry()));
      }
    }
    if (!errors.isEmpty()) {
      throw RegistryProblems.invalid(
          "nothing imported from " + src + ": " + errors.size() + " problem(s)", errors);
    }
    Instant now = clock.instant();
    NeighbourLine line =
        new NeighbourLine(
            country, src, NeighbourLine.digest(features), features.size(), now, actor.name(), why);
    String doc = line.toJson();
    return store.write(
        c -> {
          String before = store.neighbours().lines(c).get(country);
          store.neighbours().replace(c, country, doc, features);
          store
              .audit()
              .appendNext(
                  c,
                  now,
                  actor,
                  "neighbour_line",
                  NeighbourLine.entityId(country),
                  before == null ? "import" : "reimport",
                  before,
                  doc);
          return line;
        });
  }
}
