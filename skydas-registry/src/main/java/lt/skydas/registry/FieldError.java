package lt.skydas.registry;

/**
 * One missing or invalid field. Problems of the registry carry their field errors as a list of
 * these in the detail {@code errors}, so that every door (CLI, HTTP, UI) gets structure and never
 * parses the one-line message.
 *
 * @param field a path into the record ({@code minefield.lots[0].fuse_type}, {@code geometry})
 * @param message what is wrong, in words a user can act on
 * @param where which record or feature of a multi-record write ({@code feature 3 (id m1)}, {@code
 *     record m1}); null when the write concerns one record
 */
public record FieldError(String field, String message, String where) {
  /** An error of the one record a write concerns. */
  public FieldError(String field, String message) {
    this(field, message, null);
  }

  /** The same error, said of the record or feature {@code where}. */
  public FieldError at(String where) {
    return new FieldError(field, message, where);
  }

  /** {@code [where: ]field: message}, as the one-line message lists it. */
  @Override
  public String toString() {
    return (where == null ? "" : where + ": ") + field + ": " + message;
  }
}
