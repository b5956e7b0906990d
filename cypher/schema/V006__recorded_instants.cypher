// Recorded time reads when each fact entered this database (recordedAt) and when it was retracted
// (retractedAt). Facts written before these instants were kept take them from the audit trail: the
// first entry that names a fact is the write that made it, the first retraction entry the one that
// withdrew it. What the trail does not name (seed and scripts loaded before) gets the load time at
// the next start, when the lineage is rebuilt (graph.Lineage, mark version 2).
MATCH (a:AuditEntry) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (f:DataFlow {id: id}) WHERE f.recordedAt IS NULL
SET f.recordedAt = first;

MATCH (a:AuditEntry) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (n:Source {id: id}) WHERE n.recordedAt IS NULL
SET n.recordedAt = first;

MATCH (a:AuditEntry) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (n:Policy {id: id}) WHERE n.recordedAt IS NULL
SET n.recordedAt = first;

MATCH (a:AuditEntry) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (n:Agreement {id: id}) WHERE n.recordedAt IS NULL
SET n.recordedAt = first;

MATCH (a:AuditEntry) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (n:Event {id: id}) WHERE n.recordedAt IS NULL
SET n.recordedAt = first;

MATCH (a:AuditEntry) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (n:Statement {id: id}) WHERE n.recordedAt IS NULL
SET n.recordedAt = first;

MATCH (a:AuditEntry {operation: 'retractFlow'}) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (n:DataFlow {id: id}) WHERE n.retracted AND n.retractedAt IS NULL
SET n.retractedAt = first;

MATCH (a:AuditEntry {operation: 'retractPolicy'}) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (n:Policy {id: id}) WHERE n.retracted AND n.retractedAt IS NULL
SET n.retractedAt = first;

MATCH (a:AuditEntry {operation: 'retractAgreement'}) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (n:Agreement {id: id}) WHERE n.retracted AND n.retractedAt IS NULL
SET n.retractedAt = first;

MATCH (a:AuditEntry {operation: 'retractEvent'}) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (n:Event {id: id}) WHERE n.retracted AND n.retractedAt IS NULL
SET n.retractedAt = first;

MATCH (a:AuditEntry {operation: 'retractStatement'}) UNWIND a.ids AS id WITH id, min(a.at) AS first
MATCH (n:Statement {id: id}) WHERE n.retracted AND n.retractedAt IS NULL
SET n.retractedAt = first;
