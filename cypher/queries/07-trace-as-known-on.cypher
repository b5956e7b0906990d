// What could the public have known on a day? X's lineage (as 01) through the flows whose evidence had
// been published by then: the same answer as the API's trace(from: "x", asKnownOn: ...). Change the
// origin and the day on the next line (a day, YYYY-MM-DD: the API's "2024-12" is its last day, 2024-12-31).
//
// Each flow keeps `knownSince`, the earliest last day of its sources' publication dates (a source
// dated "2023" counts from 2023-12-31; undated sources never count), and `retractionKnownSince`, the
// same for the evidence of its retraction: a flow retracted later than the day is shown as it was.
// On the seed, '2023-06-30' gives nothing (the emails are dated 2023, the reports 2024);
// '2024-12-31' reaches Dataminr and, through it, the US Secret Service.
WITH 'x' AS origin, '2024-12-31' AS knownOn
MATCH (start:Organization {id: origin})
CALL (start) {
  MATCH (start)-[:SENDS]->(:DataFlow)-[:FEEDS]->{0,3}(candidate:DataFlow)
  RETURN collect(DISTINCT candidate) AS candidates
}
MATCH path = (start)
      ((sender:Organization)-[:SENDS]->(flow:DataFlow WHERE flow IN candidates AND flow.knownSince <= knownOn
          AND (coalesce(flow.retracted, false) = false OR coalesce(flow.retractionKnownSince, '~') > knownOn))
       -[:TO]->(receiver:Organization)){1,4}
WHERE all(i IN range(0, size(receiver) - 1) WHERE receiver[i] <> start
        AND all(j IN range(i + 1, size(receiver) - 1) WHERE receiver[i] <> receiver[j]))
  AND all(i IN range(0, size(flow) - 2) WHERE EXISTS { WITH flow[i] AS earlier, flow[i + 1] AS later MATCH (earlier)-[:FEEDS]->(later) })
RETURN path;
