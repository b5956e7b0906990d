// The founding case at a glance: X's data through Dataminr's First Alert to law enforcement,
// with the categories each flow carries, the products it passes through and X's policy.
MATCH chain = (:Organization {id: 'x'})-[:SENDS]->(:DataFlow)-[:TO]->(:Organization {id: 'dataminr'})
              -[:SENDS]->(:DataFlow)-[:TO]->(:Organization)
UNWIND [n IN nodes(chain) WHERE n:DataFlow] AS flow
MATCH carried = (flow)-[:CARRIES]->(:DataCategory)
OPTIONAL MATCH via = (flow)-[:VIA]->(:Product)
OPTIONAL MATCH policy = (:Organization {id: 'x'})-[:PUBLISHES]->(:Policy)
RETURN chain, carried, via, policy;
