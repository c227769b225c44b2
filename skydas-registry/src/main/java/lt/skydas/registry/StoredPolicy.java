package lt.skydas.registry;

import java.time.Instant;

/**
 * One version of the humanitarian policy as the registry stores it.
 *
 * @param version 1, 2, … (the newest is in force)
 * @param setAt when an admin set it
 * @param setBy who set it
 * @param reason why (always given; required below the buffer floor)
 * @param doc the policy's canonical JSON ({@link lt.skydas.plan.PolicyFile#toJson})
 */
public record StoredPolicy(long version, Instant setAt, String setBy, String reason, String doc) {}
