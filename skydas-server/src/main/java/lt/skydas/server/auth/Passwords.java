package lt.skydas.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (password4j): memory 19 MiB, 2 iterations, 1 lane, 32-byte hash,
 * 16-byte salt, the OWASP minimum. The stored form is the PHC string ({@code $argon2id$v=19$...}),
 * so parameters can be raised later without breaking old hashes. Thread-safe.
 */
public final class Passwords {
  /** The parameters new hashes use. */
  static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  /** Shortest password accepted for a new account. */
  public static final int MIN_LENGTH = 12;

  /** A hash of a random string, verified against when the user does not exist (same timing). */
  private static final String DUMMY = hash("not a password: timing equaliser " + System.nanoTime());

  private Passwords() {}

  public static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  /** True when {@code password} matches {@code phc}; a null hash costs the same time and fails. */
  public static boolean verify(String password, String phc) {
    if (phc == null) {
      Password.check(password, DUMMY).with(ARGON2);
      return false;
    }
    try {
      return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
    } catch (RuntimeException e) {
      return false; // a malformed stored hash never authenticates
    }
  }

  /** Null when acceptable, else why not. */
  public static String weakness(String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "a password needs at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > 1024) {
      return "a password may have at most 1024 characters";
    }
    if (password.equalsIgnoreCase(username)) {
      return "the password must not be the user name";
    }
    if (password.chars().distinct().count() < 5) {
      return "the password repeats too few distinct characters";
    }
    return null;
  }
}
