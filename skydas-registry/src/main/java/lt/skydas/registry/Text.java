package lt.skydas.registry;

import lt.skydas.core.problem.ProblemCode;
import lt.skydas.core.problem.SkydasProblem;

/** Checks on user-supplied strings stored in the registry. */
public final class Text {
  private Text() {}

  /**
   * Returns {@code s} if it is at most {@code max} characters and holds no control characters other
   * than tab and newline; otherwise a bad-input problem naming {@code field}. Any other content
   * (quotes, SQL or XML metacharacters, non-Latin letters) is kept as is: it is bound as a
   * parameter and escaped on output, never interpreted.
   */
  public static String clean(String s, int max, String field) {
    if (s == null) {
      return null;
    }
    if (s.length() > max) {
      throw new SkydasProblem(
          ProblemCode.BAD_INPUT,
          field + ": " + s.length() + " characters, at most " + max + " allowed");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT,
            field
                + ": an unpaired UTF-16 surrogate U+"
                + String.format("%04X", (int) c)
                + " at "
                + i);
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
        throw new SkydasProblem(
            ProblemCode.BAD_INPUT,
            field + ": control character U+" + String.format("%04X", (int) c) + " at " + i);
      }
    }
    return s;
  }
}
