package lt.skydas.optimize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/**
 * Problems with the optimiser's options ({@link OptimizeOptions.Builder}), keyed by field so that
 * each door names the field its own way: the command line as its option ({@code --budget-eur}), the
 * server's job as its JSON field ({@code budget_eur}). A problem carries the details {@value
 * #FIELD} (the field's key, the JSON name: {@code budget_eur}) and {@value #RULE} (the rule the
 * value broke, a phrase that reads after the field's name: "must be within 1..50"); its message is
 * {@code key + " " + rule}.
 */
public final class OptionProblems {
  /** Detail key of the field's key. */
  public static final String FIELD = "field";

  /** Detail key of the broken rule. */
  public static final String RULE = "rule";

  private OptionProblems() {}

  /** A rejected value of {@code field}: message {@code field + " " + rule}. */
  public static SkydasProblem invalid(ProblemCode code, String field, String rule) {
    return new SkydasProblem(code, field + " " + rule, Map.of(FIELD, field, RULE, rule));
  }

  /**
   * {@code p} with its field named by {@code nameOf} and its code replaced by {@code code} (null:
   * kept); a problem without a field is returned as it is.
   *
   * @param nameOf the door's name of a field key, e.g. {@code budget_eur → --budget-eur}
   */
  public static SkydasProblem named(
      SkydasProblem p, ProblemCode code, UnaryOperator<String> nameOf) {
    Object field = p.details().get(FIELD);
    Object rule = p.details().get(RULE);
    if (field == null || rule == null) {
      return p;
    }
    Map<String, Object> details = new LinkedHashMap<>(p.details());
    return new SkydasProblem(
        code == null ? p.code() : code, nameOf.apply(field.toString()) + " " + rule, details);
  }
}
