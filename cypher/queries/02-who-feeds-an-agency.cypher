// Who feeds an agency, and with what? (every flow reaching it, with sender, categories, product,
// purpose, dates, confidence and the number of sources). Change the id on the next line.
WITH 'us-secret-service' AS agency
MATCH (sender:Organization)-[:SENDS]->(flow:DataFlow)-[:TO]->(:Organization {id: agency})
WHERE coalesce(flow.retracted, false) = false
OPTIONAL MATCH (flow)-[:CARRIES]->(category:DataCategory)
OPTIONAL MATCH (flow)-[:VIA]->(product:Product)
OPTIONAL MATCH (flow)-[:EVIDENCED_BY]->(source:Source)
RETURN sender.name AS sender,
       collect(DISTINCT category.name) AS carries,
       product.name AS via,
       flow.purpose AS purpose,
       flow.since AS since,
       flow.until AS until,
       flow.confidence AS confidence,
       count(DISTINCT source) AS sources,
       flow.id AS flow
ORDER BY sender, flow;
