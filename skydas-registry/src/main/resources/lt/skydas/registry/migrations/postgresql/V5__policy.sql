-- The humanitarian policy (issue 17, docs/policy.md): one row per version, set by an admin; the
-- newest version is in force. doc is the policy's canonical JSON (PolicyFile), which the audit
-- chain holds too (entity "policy", action "set_policy"); reason says why it changed, and is
-- required when the civilian buffer is below the floor.
CREATE TABLE policies (
  version INTEGER PRIMARY KEY, set_at TEXT NOT NULL, set_by TEXT NOT NULL,
  reason TEXT, doc TEXT NOT NULL);
