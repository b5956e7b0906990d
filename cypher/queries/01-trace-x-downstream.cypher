// Where does X's data end up, through whom? (LINEAGE trace, downstream, up to 4 hops; the same
// answer as the API's trace(from: "x") without filters.) Change the origin id on the next line.
//
// Lineage rule: the first hop is any flow leaving the origin; each later hop must carry a data
// category equal to, or derived from (DERIVED_FROM, transitively), one the previous hop carried.
// So X -> Dataminr (X public posts) -> US Secret Service (First Alert alerts, derived from X
// public posts) is one lineage. No organization appears twice on a path; retracted flows are skipped.
WITH 'x' AS origin
MATCH path = (start:Organization {id: origin})
      ((sender:Organization)-[:SENDS]->(flow:DataFlow WHERE coalesce(flow.retracted, false) = false)-[:TO]->(receiver:Organization)){1,4}
WHERE all(i IN range(0, size(receiver) - 1) WHERE receiver[i] <> start
        AND all(j IN range(i + 1, size(receiver) - 1) WHERE receiver[i] <> receiver[j]))
  AND all(i IN range(0, size(flow) - 2) WHERE EXISTS {
        MATCH (earlier:DataFlow)-[:CARRIES]->(:DataCategory)<-[:DERIVED_FROM*0..]-(:DataCategory)<-[:CARRIES]-(later:DataFlow)
        WHERE earlier = flow[i] AND later = flow[i + 1]
      })
RETURN path;
