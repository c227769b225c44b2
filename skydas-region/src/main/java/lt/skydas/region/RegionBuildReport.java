package lt.skydas.region;

import java.nio.file.Path;
import java.util.Map;

/** What a region build produced. */
public record RegionBuildReport(
    Path pack,
    int width,
    int height,
    double cellSize_m,
    int roadNodes,
    int roadEdges,
    int settlements,
    int issues,
    Map<String, Integer> issueSummary,
    double seconds) {}
