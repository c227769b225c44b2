package lt.skydas.assess.report;

import java.util.List;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.plan.SensorWarning;

/**
 * What the outputs say about the plan's sensor sites, derived once per write and shared by {@code
 * summary.json} and the report: jammers near civilians, and what the sites watch (with, for a plan
 * without sensor sites, the note that obstacles are assumed watched).
 */
record SensorFindings(List<SensorWarning> warnings, WatchSection.Watch watch) {
  static SensorFindings of(AssessmentResult r, AssessmentRegion region) {
    return new SensorFindings(
        SensorSection.warnings(r.plan(), region), WatchSection.compute(r, region));
  }
}
