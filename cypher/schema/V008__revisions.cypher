// Recorded time finds the revisions that held at an instant by when they ended: corrections after
// the instant are few next to the facts a trace reads.
CREATE INDEX revision_valid_until IF NOT EXISTS FOR (n:Revision) ON (n.validUntil);
