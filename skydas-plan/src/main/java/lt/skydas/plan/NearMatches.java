package lt.skydas.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the known ids closest to a mistyped one, for "did you mean" in error messages: ids within a
 * small edit distance, ids that contain it or that it contains, and ids sharing a word (split at
 * {@code _}). Stateless and thread-safe.
 */
final class NearMatches {
  private static final int MAX_MATCHES = 3;

  private NearMatches() {}

  /**
   * Up to three of {@code known} closest to {@code typed}, closest first (ties in {@code known}'s
   * order); empty when none is close.
   */
  static List<String> of(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT).strip();
    record Scored(String id, int distance) {}
    List<Scored> close = new ArrayList<>();
    for (String id : known) {
      int d = editDistance(t, id);
      if (d <= Math.max(2, t.length() / 3) || related(t, id)) {
        close.add(new Scored(id, d));
      }
    }
    close.sort(Comparator.comparingInt(Scored::distance));
    return close.stream().limit(MAX_MATCHES).map(Scored::id).toList();
  }

  private static boolean related(String typed, String id) {
    if (typed.length() >= 3 && (id.contains(typed) || typed.contains(id))) {
      return true;
    }
    for (String word : typed.split("[_\\s-]+")) {
      if (word.length() >= 3 && List.of(id.split("_")).contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Levenshtein distance: insertions, deletions and substitutions of one character. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(subst, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
