// Where does X's data end up, through whom? (LINEAGE trace, downstream, up to 4 hops; the same
// answer as the API's trace(from: "x") without filters.) Change the origin id on the next line.
//
// Lineage rule: the first hop is any flow leaving the origin; each later hop must carry a data
// category equal to, or derived from (DERIVED_FROM, transitively), one the previous hop carried.
// So X -> Dataminr (X public posts) -> US Secret Service (First Alert alerts, derived from X
// public posts) is one lineage. The database keeps that rule as FEEDS links between consecutive
// flows (`dataflow-atlas lineage` checks them after writes made outside the application).
// No organization appears twice on a path; retracted flows are skipped.
WITH 'x' AS origin
MATCH (start:Organization {id: origin})
// Every flow on a lineage from the origin: the flows leaving it and what they feed, transitively.
CALL (start) {
  MATCH (start)-[:SENDS]->(:DataFlow)-[:FEEDS]->{0,3}(candidate:DataFlow)
  RETURN collect(DISTINCT candidate) AS candidates
}
MATCH path = (start)
      ((sender:Organization)-[:SENDS]->(flow:DataFlow WHERE flow IN candidates AND coalesce(flow.retracted, false) = false)-[:TO]->(receiver:Organization)){1,4}
WHERE all(i IN range(0, size(receiver) - 1) WHERE receiver[i] <> start
        AND all(j IN range(i + 1, size(receiver) - 1) WHERE receiver[i] <> receiver[j]))
  AND all(i IN range(0, size(flow) - 2) WHERE EXISTS { WITH flow[i] AS earlier, flow[i + 1] AS later MATCH (earlier)-[:FEEDS]->(later) })
RETURN path;
