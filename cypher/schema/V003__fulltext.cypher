// Full-text search over what analysts type: names, aliases, titles, statements and descriptions ...
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Organization|Person|Product|DataCategory|Source|Event|Statement|Policy|Agreement)
ON EACH [n.name, n.aliases, n.title, n.text, n.description];
// ... and over the quotes that tie each fact to its source.
CREATE FULLTEXT INDEX evidence_quote IF NOT EXISTS
FOR ()-[r:EVIDENCED_BY]-()
ON EACH [r.quote];
