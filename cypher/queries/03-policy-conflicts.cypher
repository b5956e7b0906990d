// Policy conflicts: flows on a LINEAGE path from a platform whose purpose the platform's own
// published policy prohibits. Change the platform id on the next line.
//
// approval: APPROVED when an agreement the platform is party to, covering a flow of the path, lists
// the purpose in approvedPurposes; NOT_APPROVED when such an agreement's terms are known
// (approvedPurposes set) but do not include it; UNKNOWN when no agreement says either way (the seed
// case: the article says it is unclear whether X approved law-enforcement use in writing).
WITH 'x' AS platformId
MATCH (platform:Organization {id: platformId})-[:PUBLISHES]->(policy:Policy)
// Lineage paths follow the FEEDS links between consecutive flows (see 01-trace-x-downstream.cypher).
CALL (platform) {
  MATCH (platform)-[:SENDS]->(:DataFlow)-[:FEEDS]->{0,5}(candidate:DataFlow)
  RETURN collect(DISTINCT candidate) AS candidates
}
MATCH (platform)
      ((sender:Organization)-[:SENDS]->(flow:DataFlow WHERE flow IN candidates AND coalesce(flow.retracted, false) = false)-[:TO]->(receiver:Organization)){1,6}
WHERE all(i IN range(0, size(receiver) - 1) WHERE receiver[i] <> platform
        AND all(j IN range(i + 1, size(receiver) - 1) WHERE receiver[i] <> receiver[j]))
  AND all(i IN range(0, size(flow) - 2) WHERE EXISTS { WITH flow[i] AS earlier, flow[i + 1] AS later MATCH (earlier)-[:FEEDS]->(later) })
  AND last(flow).purpose IN policy.prohibitedPurposes
WITH platform, policy, flow, receiver, last(flow) AS offending,
     COLLECT { MATCH (platform)-[:PARTY_TO]->(agreement:Agreement)<-[:UNDER]-(covered:DataFlow)
               WHERE covered IN flow RETURN DISTINCT agreement } AS agreements
WITH policy, flow, receiver, offending, platform,
     CASE WHEN any(k IN agreements WHERE offending.purpose IN coalesce(k.approvedPurposes, [])) THEN 'APPROVED'
          WHEN any(k IN agreements WHERE k.approvedPurposes IS NOT NULL) THEN 'NOT_APPROVED'
          ELSE 'UNKNOWN' END AS approval
ORDER BY offending.id, size(flow)
WITH policy, offending, collect({path: [platform.name] + [r IN receiver | r.name], approval: approval})[0] AS shortest
RETURN policy.title AS policy,
       offending.id AS flow,
       offending.purpose AS purpose,
       shortest.approval AS approval,
       shortest.path AS through,
       COLLECT { MATCH (offending)-[e:EVIDENCED_BY]->(s:Source) RETURN s.title + ': ' + e.quote } AS evidence
ORDER BY flow;
