package lt.skydas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;
import lt.skydas.core.progress.Progress;
import lt.skydas.optimize.OptimizationResult;
import lt.skydas.optimize.OptimizationWriter;
import lt.skydas.registry.Role;
import lt.skydas.server.jobs.JobType;
import picocli.CommandLine;

/**
 * The {@code optimize} job of {@code skydas serve}: {@code skydas optimize} on the server's region
 * with the programme given as parameters ({@code budget_eur}, {@code mine_ceiling_eur}, {@code
 * years}, {@code time_limit_s}, {@code classes}, {@code seasons}, {@code ap_mines_enabled}, {@code
 * civilian_buffer_m}); the same validation as the command line. Writes plan.geojson, phasing.csv,
 * optimization.json, avenues.geojson and report.html into the job folder.
 */
final class OptimizeJob implements JobType {
  private final RegionOptions region;

  OptimizeJob(RegionOptions region) {
    this.region = region;
  }

  @Override
  public Set<Role> roles() {
    return Set.of(Role.PLANNER, Role.ADMIN);
  }

  /** The parameters as the command line's programme options (so the checks are the same). */
  static OptimizeCommand.ProgrammeOptions options(JsonNode p) {
    List<String> args = new ArrayList<>();
    addNumber(args, p, "budget_eur", "--budget-eur");
    addNumber(args, p, "mine_ceiling_eur", "--mine-ceiling-eur");
    addNumber(args, p, "years", "--years");
    addNumber(args, p, "time_limit_s", "--time-limit-s");
    addNumber(args, p, "civilian_buffer_m", "--civilian-buffer-m");
    if (p.has("ap_mines_enabled")) {
      args.add("--ap-mines-enabled=" + p.get("ap_mines_enabled").asBoolean());
    }
    addList(args, p, "classes", "--classes");
    addList(args, p, "seasons", "--seasons");
    try {
      return CommandLine.populateCommand(
          new OptimizeCommand.ProgrammeOptions(), args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, e.getMessage());
    }
  }

  private static void addNumber(List<String> args, JsonNode p, String field, String option) {
    JsonNode v = p.get(field);
    if (v == null || v.isNull()) {
      return;
    }
    if (!v.isNumber()) {
      throw new SkydasProblem(ProblemCode.BAD_INPUT, field + " must be a number");
    }
    args.add(option + "=" + v.asText());
  }

  private static void addList(List<String> args, JsonNode p, String field, String option) {
    JsonNode v = p.get(field);
    if (v == null || v.isNull() || v.isEmpty()) {
      return;
    }
    List<String> xs = new ArrayList<>();
    v.forEach(x -> xs.add(x.asText()));
    args.add(option + "=" + String.join(",", xs));
  }

  @Override
  public void validate(JsonNode p) {
    options(p).options(); // throws a problem naming the bad value
  }

  @Override
  public JsonNode run(JsonNode p, Path dir, Progress progress) throws Exception {
    OptimizeCommand.Run run =
        OptimizeCommand.run(region, null, options(p).options(), null, null, null, progress);
    OptimizationResult r = run.result();
    Path out = dir.resolve("out");
    OptimizationWriter.write(out, r, run.region());
    AssessJob.lift(
        out,
        dir,
        List.of(
            "plan.geojson",
            "phasing.csv",
            "optimization.json",
            "summary.json",
            "avenues.geojson",
            "report.html"));
    ObjectNode res = AssessJob.summary(r.verification());
    AssessJob.isochrones(r.verification(), dir, res);
    res.put("cost_eur", r.buildCost_eur());
    res.put("solver_status", String.valueOf(r.solved().status()));
    res.put("gap", OptimizationWriter.gap(r));
    res.putArray("files").add("plan.geojson").add("phasing.csv").add("report.html");
    return res;
  }
}
