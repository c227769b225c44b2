package lt.skydas.registry;

/**
 * One missing or invalid field.
 *
 * @param field a path into the record ({@code minefield.lots[0].fuse_type}, {@code geometry})
 * @param message what is wrong, in words a user can act on
 */
public record FieldError(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
