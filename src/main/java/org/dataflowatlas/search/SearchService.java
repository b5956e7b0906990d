package org.dataflowatlas.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.evidence.Source;
import org.dataflowatlas.graph.Entities;
import org.dataflowatlas.graph.Texts;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over names, aliases, titles, statements and descriptions (index entity_text)
 * and over evidence quotes (index evidence_quote), ranked together, in one read statement.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

    public static final int MAX_FIRST = 100;
    public static final int MAX_TEXT = 500;

    private static final String SEARCH = """
            CALL () {
              CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $first}) YIELD node, score
              RETURN node, score, null AS quote, null AS source
              UNION ALL
              CALL db.index.fulltext.queryRelationships('evidence_quote', $query, {limit: $first}) YIELD relationship, score
              RETURN startNode(relationship) AS node, score, relationship.quote AS quote, endNode(relationship) AS source
            }
            OPTIONAL MATCH (sender:Organization)-[:SENDS]->(node)-[:TO]->(receiver:Organization)
            RETURN node, score, quote, source, sender.id AS fromId, receiver.id AS toId
            ORDER BY score DESC, node.id, quote
            LIMIT $first
            """;

    private final Neo4jClient neo4j;
    private final Entities entities;

    SearchService(Neo4jClient neo4j, Entities entities) {
        this.entities = entities;
        this.neo4j = neo4j;
    }

    public List<SearchHit> search(String text, int first) {
        var words = Texts.required("text", text, MAX_TEXT);
        if (first < 1 || first > MAX_FIRST) {
            throw new InvalidInputException("first must be between 1 and " + MAX_FIRST + " (got " + first + ").");
        }
        return List.copyOf(neo4j.query(SEARCH)
                .bindAll(Map.of("query", luceneQuery(words), "first", first))
                .fetchAs(SearchHit.class)
                .mappedBy((types, record) -> new SearchHit(
                        record.get("score").asDouble(),
                        entities.of(
                                record.get("node").asNode(),
                                record.get("fromId").asString(null),
                                record.get("toId").asString(null)),
                        record.get("quote").asString(null),
                        record.get("source").isNull()
                                ? null
                                : Source.of(record.get("source").asNode())))
                .all());
    }

    /**
     * Plain words, matched as words: Lucene's operators and special characters are escaped, so
     * text such as {@code "law enforcement" AND (x)} is searched for, not interpreted.
     */
    static String luceneQuery(String text) {
        var escaped = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if ("+-&|!(){}[]^\"~*?:\\/".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
