// traceChanges finds the write behind a change by its instant: the audit entry written in the same
// transaction carries the instant the fact was stamped with.
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);
