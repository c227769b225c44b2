package lt.skydas.optimize;

import java.util.List;

/**
 * What keeps an optimised plan from buying more: for each objective the plan does not delay, why,
 * in words a planner understands; and when the budget is not spent, what binds instead. Found on
 * the verified avenues by {@link LimitsFinder}. Immutable.
 *
 * @param objectives one entry per objective and reason where some case gains (almost) no delay
 * @param budget the money left and what binds
 * @param crossings every belt crossing of the fastest verified avenues with the plan, counted by
 *     what stands there
 * @param caseCount how many cases (class × season) were verified
 */
public record Limits(
    List<ObjectiveLimit> objectives,
    BudgetLimit budget,
    List<CrossingCount> crossings,
    int caseCount) {
  public Limits {
    objectives = List.copyOf(objectives);
    crossings = List.copyOf(crossings);
  }

  /** Why the attacker's fastest approach to an objective gains no delay. */
  public enum Reason {
    /** The approach never enters the home country: only a neighbour's line can delay it. */
    OUTSIDE_HOME,
    /**
     * The approach crosses no belt (the objective lies in front of the belts, or off their ends).
     */
    NO_BELT,
    /** It crosses the belts only inside protected areas, where nothing may be built. */
    PROTECTED,
    /** Every belt crossing already carries the strongest obstacle offered there. */
    STRONGEST,
    /** Some belt crossing has no candidate site: the land cover there takes none. */
    NOT_OFFERED,
    /** Some belt crossing has an offered site the plan leaves empty. */
    LEFT_EMPTY;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * An objective some cases do not delay, and why.
   *
   * @param cases the cases (class/season ids) with this reason, in case order
   * @param text one or two sentences for the report
   */
  public record ObjectiveLimit(
      String objectiveId, String objectiveName, Reason reason, List<String> cases, String text) {
    public ObjectiveLimit {
      cases = List.copyOf(cases);
    }

    /** The cases as text: "all 9 cases" when there are {@code of} of them, else the list. */
    public String casesText(int of) {
      return cases.size() == of && of > 1 ? "all " + of + " cases" : String.join(", ", cases);
    }
  }

  /**
   * The budget and what binds when some of it is left.
   *
   * @param budget_eur what the programme may spend
   * @param spent_eur what the plan costs: obstacles to build and sensors (purchase and upkeep)
   * @param binding what binds, one sentence each; empty when (almost) all is spent
   */
  public record BudgetLimit(double budget_eur, double spent_eur, List<String> binding) {
    public BudgetLimit {
      binding = List.copyOf(binding);
    }

    /** Share of the budget left, 0..1. */
    public double leftShare() {
      return budget_eur > 0 ? Math.max(0, 1 - spent_eur / budget_eur) : 0;
    }
  }

  /**
   * How many belt crossings of the fastest verified avenues have one thing standing there.
   *
   * @param what {@code strongest} (the strongest type offered is built), {@code weaker} (a weaker
   *     one is), {@code empty} (offered, not built), {@code protected}, {@code not_offered}
   * @param count crossings (an avenue shared by several cases counts once per case)
   * @param detail e.g. the protected areas' or land covers' names
   */
  public record CrossingCount(String what, int count, String detail) {}
}
