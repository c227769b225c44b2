-- Jobs of `skydas serve` and login throttling outlive a restart: a job's state, owner,
-- parameters and result, and failed-login counters per key (user at address, user, address).
CREATE TABLE skydas_job (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  owner TEXT NOT NULL,
  params TEXT NOT NULL,
  state TEXT NOT NULL,
  step TEXT,
  submitted_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  error TEXT,
  result TEXT,
  published_by TEXT,
  published_at TEXT,
  dir TEXT NOT NULL
);
CREATE TABLE skydas_login_failure (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_ms BIGINT NOT NULL
);
