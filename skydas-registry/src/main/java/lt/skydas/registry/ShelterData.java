package lt.skydas.registry;

import java.util.Locale;
import java.util.Set;

/**
 * What a shelter record holds beside its point and name (issue 17): how many people it takes, what
 * kind of protection it is and how it is reached. The registry checks it ({@code DraftChecks}): the
 * capacity a whole number from 1 to {@link #MAX_CAPACITY}, the protection one of {@link
 * #PROTECTIONS}, the access note at most 2,000 characters. Immutable.
 *
 * @param capacity_persons people it takes (seated or standing for 24 h, as its inspection states)
 * @param protection {@code purpose_built} (blast and fallout protection), {@code basement} (an
 *     adapted basement or underground car park), {@code underground} (metro, tunnel, mine), {@code
 *     bunker} (a military-era bunker put to civil use) or {@code other}
 * @param access how it is reached and opened (entrances, keys, who opens it), may be null
 */
public record ShelterData(Integer capacity_persons, String protection, String access) {
  /** The kinds of protection a shelter may offer. */
  public static final Set<String> PROTECTIONS =
      Set.of("purpose_built", "basement", "underground", "bunker", "other");

  /** The most people one shelter may take (a typo guard: the largest metro stations hold ~10^4). */
  public static final int MAX_CAPACITY = 100_000;

  public ShelterData {
    protection = protection == null ? null : protection.trim().toLowerCase(Locale.ROOT);
  }

  /** The capacity, 0 when not given. */
  public int capacity() {
    return capacity_persons == null ? 0 : capacity_persons;
  }
}
