// What did this database say at a moment? X's lineage (as 01) as the database held it at an instant:
// the same answer as the API's trace(from: "x", recordedAsOf: ...), so a published story can be
// reproduced after later corrections. Change the origin and the instant on the next line.
//
// Every flow keeps `recordedAt` (the write, import batch or load that made it) and, once retracted,
// `retractedAt`: flows recorded after the instant are left out, flows retracted after it are shown.
// `MATCH (a:AuditEntry) RETURN a ORDER BY a.id DESC` lists the writes and their instants.
// A flow or organization corrected since keeps what it said before in `(fact)-[:REVISED]->(:Revision)`,
// valid from `validFrom` to `validUntil`; this query shows today's fields.
WITH 'x' AS origin, datetime('2030-01-01T00:00:00Z') AS recordedAsOf
MATCH (start:Organization {id: origin})
CALL (start) {
  MATCH (start)-[:SENDS]->(:DataFlow)-[:FEEDS]->{0,3}(candidate:DataFlow)
  RETURN collect(DISTINCT candidate) AS candidates
}
MATCH path = (start)
      ((sender:Organization)-[:SENDS]->(flow:DataFlow WHERE flow IN candidates AND flow.recordedAt <= recordedAsOf
          AND (coalesce(flow.retracted, false) = false OR flow.retractedAt > recordedAsOf))
       -[:TO]->(receiver:Organization)){1,4}
WHERE all(i IN range(0, size(receiver) - 1) WHERE receiver[i] <> start
        AND all(j IN range(i + 1, size(receiver) - 1) WHERE receiver[i] <> receiver[j]))
  AND all(i IN range(0, size(flow) - 2) WHERE EXISTS { WITH flow[i] AS earlier, flow[i + 1] AS later MATCH (earlier)-[:FEEDS]->(later) })
RETURN path;
