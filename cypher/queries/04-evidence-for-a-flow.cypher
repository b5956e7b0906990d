// How do we know? The evidence for one flow: each source, what kind of document it is, when it
// was published (and whether that date is only inferred), who published it, the passage that
// supports the flow, and what cites it. A source without a passage is one the flow is attributed to
// by another source that cites it; we hold none of its text. 06-what-is-inferred.cypher lists what
// of the flow itself is inferred.
// Change the flow id on the next line (`MATCH (f:DataFlow) RETURN f.id` lists them).
WITH 'dataminr-to-us-secret-service-first-alert' AS flowId
MATCH (flow:DataFlow {id: flowId})-[e:EVIDENCED_BY]->(source:Source)
OPTIONAL MATCH (source)-[:PUBLISHED_BY]->(publisher:Organization)
RETURN source.title AS title,
       source.kind AS kind,
       source.published AS published,
       publisher.name AS publisher,
       e.quote AS quote,
       [i IN range(0, size(coalesce(source.inferred, [])) - 1) | source.inferred[i] + ': ' + source.inferredBecause[i]]
         AS sourceInferred,
       COLLECT { MATCH (citing:Source)-[:CITES]->(source) RETURN citing.title } AS citedBy
ORDER BY source.published IS NULL, source.published, source.id;
