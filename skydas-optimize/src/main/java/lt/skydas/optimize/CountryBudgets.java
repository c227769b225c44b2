package lt.skydas.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.optimize.model.BarrierModel;
import lt.skydas.plan.Obstacle;
import lt.skydas.plan.SensorSite;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * One budget per home country of a joint region (issue 16: "the optimiser can be run over the joint
 * region, with one budget per country"): every site belongs to the home country it lies in, and
 * {@link Programme.Ceilings#byCountry_eur} adds a model row per country, {@code Σ_{o at a site in
 * c} cost_o · y_o ≤ budget_c}, beside the total. The row is an ordinary {@link
 * BarrierModel.Budget}, so every solver keeps it and the proven bound stays a bound of the model
 * with the rows. Stateless.
 */
final class CountryBudgets {
  /** Name prefix of a country row: "budget LT". */
  static final String ROW = "budget ";

  private CountryBudgets() {}

  /**
   * Which home country a point or geometry of the region's map CRS lies in: the home polygons of
   * the region ({@link AssessmentRegion#homePolygon}); a geometry in none (a site pulled onto a
   * border) belongs to the nearest. With one home country, everything is in it.
   */
  static final class CountryOf {
    private final List<String> isos = new ArrayList<>();
    private final List<Geometry> polygons = new ArrayList<>();
    private final List<PreparedGeometry> prepared = new ArrayList<>();

    CountryOf(AssessmentRegion region) {
      for (String iso : region.definition().home()) {
        Geometry p = region.homePolygon(iso);
        isos.add(iso);
        polygons.add(p);
        prepared.add(p == null ? null : PreparedGeometryFactory.prepare(p));
      }
    }

    /** The home country of {@code g} (its interior point), or null in a region without home. */
    String of(Geometry g) {
      if (isos.size() <= 1) {
        return isos.isEmpty() ? null : isos.get(0);
      }
      Point p = g.getInteriorPoint();
      String nearest = null;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < isos.size(); i++) {
        if (prepared.get(i) == null) {
          continue;
        }
        if (prepared.get(i).covers(p)) {
          return isos.get(i);
        }
        double d = polygons.get(i).distance(p);
        if (d < best) {
          best = d;
          nearest = isos.get(i);
        }
      }
      return nearest;
    }

    String of(double x, double y) {
      return of(new GeometryFactory().createPoint(new Coordinate(x, y)));
    }
  }

  /**
   * The country budgets' codes checked against the region's home countries, and each country's
   * polygon present when there are several.
   *
   * @throws lt.skydas.core.problem.SkydasProblem USAGE naming the code and the home countries
   */
  static void check(Programme programme, AssessmentRegion region) {
    List<String> home = region.definition().home();
    for (String iso : programme.ceilings().byCountry_eur().keySet()) {
      if (!home.contains(iso)) {
        throw OptionProblems.invalid(
            ProblemCode.USAGE,
            "country_budgets_eur",
            "names "
                + iso
                + ", which is not a home country of region "
                + region.definition().name()
                + " (home: "
                + String.join(", ", home)
                + ")");
      }
      if (home.size() > 1 && region.homePolygon(iso) == null) {
        throw OptionProblems.invalid(
            ProblemCode.USAGE,
            "country_budgets_eur",
            "names " + iso + ", whose land the region pack does not hold");
      }
    }
  }

  /** Per option of {@code built}: the home country of its site (obstacle, sensor or depot). */
  static String[] optionCountries(ModelFactory.Built built, CountryOf countries) {
    int n = built.model().options().size();
    String[] out = new String[n];
    for (int o = 0; o < n; o++) {
      Obstacle ob = built.obstacles().get(o);
      if (ob != null) {
        out[o] = countries.of(ob.geometry_lks94());
      } else if (built.sensor(o) != null) {
        out[o] = countries.of(built.sensor(o).point_lks94());
      } else if (built.depot(o) != null) {
        out[o] = countries.of(built.depot(o).x(), built.depot(o).y());
      }
    }
    return out;
  }

  /**
   * {@code built} with one row per country budget of {@code programme} appended (after every other
   * row, so {@link ModelFactory.Built#lazyBudgets} stay valid): the coefficients are the options'
   * costs against the total (obstacles with their clearance liability when counted, sensors with
   * their upkeep, depot sites); existing obstacles cost nothing, as in the total.
   */
  static ModelFactory.Built withRows(
      ModelFactory.Built built, Programme programme, String[] optionCountry) {
    SortedMap<String, Double> budgets = programme.ceilings().byCountry_eur();
    if (budgets.isEmpty()) {
      return built;
    }
    BarrierModel m = built.model();
    List<BarrierModel.Budget> rows = new ArrayList<>(m.budgets());
    for (Map.Entry<String, Double> e : budgets.entrySet()) {
      long[] coef = new long[m.options().size()];
      long forced = 0;
      for (int o = 0; o < coef.length; o++) {
        BarrierModel.Option op = m.options().get(o);
        coef[o] = e.getKey().equals(optionCountry[o]) ? op.cost_eur() : 0;
        forced += op.forced() ? coef[o] : 0;
      }
      long limit = Math.round(e.getValue());
      if (forced > limit) {
        throw new lt.skydas.core.problem.SkydasProblem(
            ProblemCode.INFEASIBLE,
            String.format(
                java.util.Locale.ROOT,
                "the pinned obstacles in %s cost EUR %,d, more than its budget of EUR %,d"
                    + " (--country-budget-eur %s=…)",
                e.getKey(),
                forced,
                limit,
                e.getKey()));
      }
      rows.add(new BarrierModel.Budget(ROW + e.getKey(), coef, limit));
    }
    BarrierModel withRows =
        new BarrierModel(m.sites(), m.options(), m.groups(), m.scenarios(), rows, m.links());
    return new ModelFactory.Built(
        withRows,
        built.obstacles(),
        built.buildCost_eur(),
        built.buildEffort_h(),
        built.existing(),
        built.scenarioCase(),
        built.scenarioTarget(),
        built.notes(),
        built.sensorOf(),
        built.watched(),
        built.lazyBudgets(),
        built.depotOf(),
        built.warnings());
  }

  /**
   * Per country budget of {@code asked} (the user's programme): what the chosen options of the
   * model, the protection's sites and the warning's sensors spend there.
   *
   * @param protection the EW and counter-drone sites bought before the model
   * @param warning the sensors bought after the verification for a minimum warning time
   */
  static List<OptimizationResult.CountrySpend> spend(
      Programme asked,
      ModelFactory.Built built,
      boolean[] chosen,
      String[] optionCountry,
      List<SensorSite> protection,
      List<SensorSite> warning,
      CountryOf countries) {
    List<OptimizationResult.CountrySpend> out = new ArrayList<>();
    for (Map.Entry<String, Double> e : asked.ceilings().byCountry_eur().entrySet()) {
      String iso = e.getKey();
      double barrier = 0;
      for (int o = 0; o < chosen.length; o++) {
        if (chosen[o] && iso.equals(optionCountry[o])) {
          barrier += built.model().options().get(o).cost_eur();
        }
      }
      out.add(
          new OptimizationResult.CountrySpend(
              iso,
              e.getValue(),
              barrier,
              byCountry(protection, asked.years(), countries).getOrDefault(iso, 0.0),
              byCountry(warning, asked.years(), countries).getOrDefault(iso, 0.0)));
    }
    return out;
  }

  /**
   * Per country: what {@code sites} cost there over a programme of {@code years} (purchase plus
   * upkeep every year, as the protection and warning steps count them).
   */
  static Map<String, Double> byCountry(List<SensorSite> sites, int years, CountryOf countries) {
    Map<String, Double> out = new TreeMap<>();
    for (SensorSite s : sites) {
      String iso = countries.of(s.geometry_lks94());
      if (iso != null) {
        out.merge(
            iso, s.type().costEur_perUnit() + s.type().upkeepEur_perYear() * years, Double::sum);
      }
    }
    return out;
  }
}
