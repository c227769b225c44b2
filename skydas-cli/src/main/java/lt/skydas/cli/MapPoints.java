package lt.skydas.cli;

import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/** Map points typed on the command line as {@code X,Y} in a raster's CRS. */
final class MapPoints {
  private MapPoints() {}

  /**
   * {@code X,Y} as two numbers; a usage problem naming {@code option} otherwise.
   *
   * @param crs what the numbers are in, for the message ({@code the DEM's CRS})
   */
  static double[] parse(String option, String text, String crs) {
    String[] xy = text.split(",");
    try {
      if (xy.length != 2) {
        throw new NumberFormatException();
      }
      return new double[] {Double.parseDouble(xy[0].trim()), Double.parseDouble(xy[1].trim())};
    } catch (NumberFormatException e) {
      throw new SkydasProblem(
          ProblemCode.USAGE, option + ": \"" + text + "\" is not X,Y (two numbers in " + crs + ")");
    }
  }
}
