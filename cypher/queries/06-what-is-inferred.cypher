// What do we only infer? Every value the sources do not state themselves (a date reasoned from
// "last summer", a channel implied by context), with the reasoning, on nodes and relationships.
// `field` is the API's field name (`fact`: the whole fact is inferred); `value` is what is stored.
// Change the id on the next line to one fact's id (e.g. 'dataminr-to-us-secret-service-first-alert'),
// or leave it null for everything.
WITH null AS about
CALL (about) {
  MATCH (n) WHERE n.inferred IS NOT NULL AND (about IS NULL OR n.id = about)
  UNWIND range(0, size(n.inferred) - 1) AS i
  WITH n, n.inferred[i] AS field, n.inferredBecause[i] AS reasoning
  RETURN [l IN labels(n) WHERE l <> 'Organization'][0] AS kind, n.id AS id, field,
         CASE field
           WHEN 'fact' THEN null
           WHEN 'via' THEN COLLECT { MATCH (n)-[:VIA]->(x) RETURN x.name }
           WHEN 'categories' THEN COLLECT { MATCH (n)-[:CARRIES]->(x) RETURN x.name }
           WHEN 'agreements' THEN COLLECT { MATCH (n)-[:UNDER]->(x) RETURN x.title }
           WHEN 'parties' THEN COLLECT { MATCH (n)<-[:PARTY_TO]-(x) RETURN x.name }
           WHEN 'involves' THEN COLLECT { MATCH (n)-[:INVOLVES]->(x) RETURN coalesce(x.name, x.title, x.id) }
           WHEN 'about' THEN COLLECT { MATCH (n)-[:ABOUT]->(x) RETURN coalesce(x.name, x.title, x.id) }
           ELSE n[field]
         END AS value,
         reasoning
  UNION ALL
  MATCH (a)-[r]->(b) WHERE r.inferred IS NOT NULL AND (about IS NULL OR about IN [a.id, b.id])
  UNWIND range(0, size(r.inferred) - 1) AS i
  RETURN type(r) AS kind, a.id + ' -> ' + b.id AS id, r.inferred[i] AS field,
         CASE r.inferred[i] WHEN 'fact' THEN null ELSE r[r.inferred[i]] END AS value,
         r.inferredBecause[i] AS reasoning
}
RETURN kind, id, field, value, reasoning
ORDER BY kind, id, field;
