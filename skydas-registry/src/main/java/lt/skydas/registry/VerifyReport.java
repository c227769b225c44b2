package lt.skydas.registry;

import java.util.List;

/**
 * What {@code registry verify} found.
 *
 * @param events events in the chain
 * @param records record rows
 * @param activities activity rows
 * @param headHash the hash of the last event (publish it to detect a rewritten chain later)
 * @param problems each problem found, naming the event seq or record id; empty if intact
 */
public record VerifyReport(
    long events, long records, long activities, String headHash, List<String> problems) {
  public VerifyReport {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
