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
 * @param checkpoints signed checkpoints whose signature and hash held (0 when none were given)
 * @param lastCheckpoint the latest of them (seq and time), null if none
 */
public record VerifyReport(
    long events,
    long records,
    long activities,
    String headHash,
    List<String> problems,
    int checkpoints,
    Checkpoint lastCheckpoint) {
  public VerifyReport {
    problems = List.copyOf(problems);
  }

  /** Events after the latest signed checkpoint (all of them when none was given). */
  public long unsignedEvents() {
    return lastCheckpoint == null ? events : events - lastCheckpoint.seq();
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}
