package lt.skydas.assess.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import lt.skydas.assess.AssessmentRegion;
import lt.skydas.assess.AssessmentResult;
import lt.skydas.core.geojson.GeoJsonWriter;
import lt.skydas.core.io.AtomicOutput;

/**
 * Writes the civilians of a plan alone ({@code skydas civilians}, {@link
 * lt.skydas.assess.CivilianAssessment}) to a directory, atomically: {@code civilians.json} (what
 * {@code summary.json} of an assessment holds under {@code civilians}, with the plan, its policy
 * and the violations), {@code civilians.geojson} (the settlements in 48 h reach, as an assessment
 * writes them) and {@code violations.geojson}.
 */
public final class CivilianWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CivilianWriter() {}

  /** Writes {@code r} to {@code dir} (replacing it); returns the path of {@code civilians.json}. */
  public static Path write(Path dir, AssessmentResult r, AssessmentRegion region) {
    AtomicOutput.writeDirectory(
        dir,
        tmp -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("region", r.regionName());
          Map<String, Object> plan = new LinkedHashMap<>();
          plan.put("name", r.plan().name());
          plan.put("obstacles", r.plan().obstacles().size());
          plan.put("policy", r.plan().policy().describe());
          m.put("plan", plan);
          m.put("seconds", Math.round(r.seconds() * 10) / 10.0);
          m.put("violations", r.violations().size());
          m.put("civilians", CivilianSection.summary(r));
          m.put("lines", CivilianSection.lines(r));
          Files.writeString(tmp.resolve("civilians.json"), JSON.writeValueAsString(m));
          try (OutputStream out = Files.newOutputStream(tmp.resolve("civilians.geojson"));
              GeoJsonWriter w = new GeoJsonWriter(new BufferedOutputStream(out), 6)) {
            CivilianLayer.write(w, r, region.crs());
          }
          try (OutputStream out = Files.newOutputStream(tmp.resolve("violations.geojson"));
              GeoJsonWriter w = new GeoJsonWriter(new BufferedOutputStream(out), 6)) {
            AssessmentWriter.writeViolations(w, r, region.crs());
          }
        });
    return dir.resolve("civilians.json");
  }
}
