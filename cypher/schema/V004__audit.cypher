// The audit trail: one node per mutation or import batch, addressed by a time-ordered id, so the
// log reads newest first from the constraint's index.
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
