// Policy conflicts: flows on a LINEAGE path from a platform whose purpose the platform's own
// published policy prohibits. Change the platform id on the next line.
//
// "approval" says whether an agreement the platform is party to covers the offending flow's path
// and approves the use: APPROVED when such an agreement has approves = true, NOT_APPROVED when it
// has approves = false, UNKNOWN when no agreement says either way (the seed case: the article says
// it is unclear whether X approved law-enforcement use in writing).
WITH 'x' AS platformId
MATCH (platform:Organization {id: platformId})-[:PUBLISHES]->(policy:Policy)
MATCH path = (platform)
      ((sender:Organization)-[:SENDS]->(flow:DataFlow)-[:TO]->(receiver:Organization)){1,4}
WHERE all(f IN flow WHERE coalesce(f.retracted, false) = false)
  AND all(i IN range(0, size(flow) - 2) WHERE EXISTS {
        MATCH (previous:DataFlow)-[:CARRIES]->(:DataCategory)<-[:DERIVED_FROM*0..]-(:DataCategory)<-[:CARRIES]-(next:DataFlow)
        WHERE previous = flow[i] AND next = flow[i + 1]
      })
  AND all(i IN range(0, size(receiver) - 1) WHERE receiver[i] <> platform
        AND all(j IN range(i + 1, size(receiver) - 1) WHERE receiver[i] <> receiver[j]))
  AND last(flow).purpose IN policy.prohibitedPurposes
WITH platform, policy, path, last(flow) AS offending
OPTIONAL MATCH (platform)-[:PARTY_TO]->(agreement:Agreement)<-[:UNDER]-(onPath:DataFlow)
WHERE onPath IN nodes(path) AND agreement.approves IS NOT NULL
WITH policy, path, offending, collect(agreement.approves) AS verdicts
RETURN policy.title AS policy,
       offending.id AS flow,
       offending.purpose AS purpose,
       CASE WHEN true IN verdicts THEN 'APPROVED' WHEN false IN verdicts THEN 'NOT_APPROVED' ELSE 'UNKNOWN' END AS approval,
       [n IN nodes(path) WHERE n:Organization | n.name] AS through,
       COLLECT { MATCH (offending)-[e:EVIDENCED_BY]->(s:Source) RETURN s.title + ': ' + e.quote } AS evidence;
