package lt.skydas.registry;

/**
 * Test data: record drafts with sane defaults, so a test spells out only what it is about. Each
 * method returns a fresh {@link RecordDraft.Builder}; override fields with its {@code withX}.
 *
 * <pre>{@code
 * reg.importAll(ADMIN, List.of(TestDrafts.obstacle("e1").withStatus(Status.EMPLACED).build()), "t");
 * reg.update(PLANNER, "e1", 1, TestDrafts.edit().withName("as built").build());
 * }</pre>
 */
public final class TestDrafts {
  private TestDrafts() {}

  /** A planned dragon's-teeth line in central Lithuania (24.2, 55.2); nothing else given. */
  public static RecordDraft.Builder obstacle(String id) {
    return RecordDraft.builder()
        .withId(id)
        .withType("dragons_teeth")
        .withStatus(Status.PLANNED)
        .withGeometry(Fixtures.line(24.2, 55.2, 0.01));
  }

  /**
   * A planned AT minefield on a 0.005° square with its south-west corner at (lon, lat), with the
   * complete CCW record of {@link Fixtures#completeAt}; not yet marked, fenced or monitored.
   */
  public static RecordDraft.Builder minefield(String id, double lon, double lat) {
    return RecordDraft.builder()
        .withId(id)
        .withType("at_minefield")
        .withStatus(Status.PLANNED)
        .withGeometry(Fixtures.square(lon, lat, 0.005))
        .withMinefield(Fixtures.completeAt(lon, lat));
  }

  /**
   * A planned counter-drone radar site (sensor catalog {@code cuas_radar}, a 120° arc) at (lon,
   * lat) on a 6 m mast facing east.
   */
  public static RecordDraft.Builder sensor(String id, double lon, double lat) {
    return RecordDraft.builder()
        .withId(id)
        .withType("cuas_radar")
        .withStatus(Status.PLANNED)
        .withGeometry(Fixtures.point(lon, lat))
        .withSiting(6.0, 90.0);
  }

  /**
   * A planned depot at (lon, lat) holding 1,000 AT mines and 20 demolition charges, with a storage
   * note.
   */
  public static RecordDraft.Builder depot(String id, double lon, double lat) {
    return RecordDraft.builder()
        .withId(id)
        .withType("depot")
        .withStatus(Status.PLANNED)
        .withGeometry(Fixtures.point(lon, lat))
        .withDepot(
            new DepotData(
                java.util.Map.of("at_mines", 1000.0, "demolition_charges", 20.0),
                "two earth-covered magazines; fuzes stored apart"));
  }

  /** A planned basement shelter for 120 people at (lon, lat). */
  public static RecordDraft.Builder shelter(String id, double lon, double lat) {
    return RecordDraft.builder()
        .withId(id)
        .withType("shelter")
        .withStatus(Status.PLANNED)
        .withGeometry(Fixtures.point(lon, lat))
        .withShelter(
            new ShelterData(120, "basement", "school yard entrance; key at the caretaker"));
  }

  /** An edit: every field absent, so an update changes only what is set. */
  public static RecordDraft.Builder edit() {
    return RecordDraft.builder();
  }
}
