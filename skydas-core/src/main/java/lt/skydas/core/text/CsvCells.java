package lt.skydas.core.text;

import java.util.regex.Pattern;

/**
 * CSV cells a spreadsheet will not run (OWASP CSV injection): a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is read by Excel, LibreOffice and
 * Google Sheets as a formula (or a DDE call), so it is written behind an apostrophe, which they
 * show as text. Plain numbers ({@code -5}, {@code +1.5e3}) stay numbers. A cell that starts with an
 * apostrophe gets a second one, so {@link #undefuse} gives back every exported cell exactly.
 * Stateless.
 */
public final class CsvCells {
  private static final String FORMULA_START = "=+-@\t\r";

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  private CsvCells() {}

  /** {@code v} safe to open in a spreadsheet. */
  public static String defuse(String v) {
    if (!v.isEmpty()
        && (FORMULA_START.indexOf(v.charAt(0)) >= 0 || v.charAt(0) == '\'')
        && !NUMBER.matcher(v).matches()) {
      return "'" + v;
    }
    return v;
  }

  /** A cell as it was before {@link #defuse}: one leading apostrophe off a defused cell. */
  public static String undefuse(String v) {
    if (v.length() > 1
        && v.charAt(0) == '\''
        && (FORMULA_START.indexOf(v.charAt(1)) >= 0 || v.charAt(1) == '\'')) {
      return v.substring(1);
    }
    return v;
  }
}
