package org.dataflowatlas.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dataflowatlas.trace.TraceRequest;
import org.dataflowatlas.trace.TraceService;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Writes the graph (or the part a trace reaches) as a Cypher script, JSON lines, GraphML,
 * FollowTheMoney entities or PROV-JSON, from one read transaction. Uses the driver directly: the export streams records
 * instead of mapping them to the API's records.
 */
@Component
public class GraphExporter {

    public enum Format {
        CYPHER,
        JSON,
        GRAPHML,
        FTM,
        PROV_JSON;

        /** The format named as on the command line: cypher, json, graphml, ftm, prov-json. */
        public static Format named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        public String commandName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The labels that carry stable ids; a node is addressed by the first of these it has. */
    static final List<String> ID_LABELS = List.of(
            "Organization",
            "Person",
            "Product",
            "DataCategory",
            "DataFlow",
            "Agreement",
            "Policy",
            "Source",
            "Event",
            "Statement",
            "MergedOrganization");

    // The audit trail and the revisions of corrected facts record what happened on this server; they
    // stay here and are not exported (revisions hold no id).
    private static final String ALL_NODES = """
            MATCH (n) WHERE n.id IS NOT NULL AND NOT n:AuditEntry AND none(l IN labels(n) WHERE l STARTS WITH '__')
            RETURN labels(n) AS labels, properties(n) AS properties
            ORDER BY n.id
            """;

    private static final String ALL_RELATIONSHIPS = """
            MATCH (a)-[r]->(b)
            WHERE a.id IS NOT NULL AND b.id IS NOT NULL
              AND none(l IN labels(a) + labels(b) WHERE l STARTS WITH '__')
              // Lineage links are derived from the rest (graph.Lineage): a load makes them again.
              AND type(r) <> 'FEEDS'
            RETURN type(r) AS type, properties(r) AS properties, labels(a) AS startLabels, a.id AS startId,
                   labels(b) AS endLabels, b.id AS endId
            ORDER BY startId, type, endId
            """;

    /**
     * The part of the graph a LINEAGE trace downstream from an organization reaches: the
     * organizations and flows on its paths, with what the flows carry, go through, happen under and
     * rest on, and the relationships among those nodes.
     */
    private static final String TRACE_NODES = """
            CALL () {
              MATCH (n:Organization) WHERE n.id IN $organizationIds RETURN n
              UNION
              MATCH (n:DataFlow) WHERE n.id IN $flowIds RETURN n
            }
            WITH collect(n) AS core
            CALL (core) {
              UNWIND core AS c
              MATCH (c:DataFlow)-[:CARRIES|VIA|UNDER|EVIDENCED_BY]->(attached)
              RETURN collect(DISTINCT attached) AS attachments
            }
            UNWIND core + attachments AS n
            WITH DISTINCT n
            RETURN labels(n) AS labels, properties(n) AS properties, elementId(n) AS elementId
            ORDER BY n.id
            """;

    private static final String RELATIONSHIPS_AMONG = """
            MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids
            RETURN type(r) AS type, properties(r) AS properties, labels(a) AS startLabels, a.id AS startId,
                   labels(b) AS endLabels, b.id AS endId
            ORDER BY startId, type, endId
            """;

    private final Driver driver;
    private final TraceService traces;

    GraphExporter(Driver driver, TraceService traces) {
        this.driver = driver;
        this.traces = traces;
    }

    /**
     * What was read and what was written: {@code items} is the number of FtM entities or PROV
     * records for those formats, and nodes plus relationships for the others.
     */
    public record Result(long nodes, long relationships, long items) {}

    public Result export(Format format, @Nullable String traceFrom, Path file) throws IOException {
        var organizationIds = new LinkedHashSet<String>();
        var flowIds = new LinkedHashSet<String>();
        if (traceFrom != null) {
            // The trace checks that the organization exists (NOT_FOUND otherwise).
            var trace = traces.trace(TraceRequest.from(traceFrom)
                    .limit(TraceService.MAX_LIMIT)
                    .maxPaths(TraceService.MAX_PATHS)
                    .build());
            organizationIds.add(traceFrom);
            trace.paths().forEach(path -> {
                organizationIds.addAll(path.organizationIds());
                flowIds.addAll(path.flowIds());
            });
        }
        try (var session = driver.session(SessionConfig.builder()
                        .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ)
                        .build());
                var tx = session.beginTransaction();
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            var sink = switch (format) {
                case CYPHER -> new CypherSink(out);
                case JSON -> new JsonLinesSink(out);
                case GRAPHML -> new GraphMlSink(out);
                case FTM -> new FtmSink(out);
                case PROV_JSON -> new ProvJsonSink(out);
            };
            sink.begin();
            long nodes = 0;
            long relationships = 0;
            if (traceFrom == null) {
                var result = tx.run(ALL_NODES);
                while (result.hasNext()) {
                    var record = result.next();
                    sink.node(
                            record.get("labels").asList(Value::asString),
                            record.get("properties").asMap());
                    nodes++;
                }
                sink.endNodes();
                var relationshipResult = tx.run(ALL_RELATIONSHIPS);
                while (relationshipResult.hasNext()) {
                    sink.relationship(relationshipResult.next());
                    relationships++;
                }
            } else {
                var ids = new ArrayList<String>();
                var result = tx.run(
                        TRACE_NODES,
                        Map.of("organizationIds", List.copyOf(organizationIds), "flowIds", List.copyOf(flowIds)));
                while (result.hasNext()) {
                    var record = result.next();
                    sink.node(
                            record.get("labels").asList(Value::asString),
                            record.get("properties").asMap());
                    ids.add(record.get("elementId").asString());
                    nodes++;
                }
                sink.endNodes();
                var relationshipResult = tx.run(RELATIONSHIPS_AMONG, Map.of("ids", ids));
                while (relationshipResult.hasNext()) {
                    sink.relationship(relationshipResult.next());
                    relationships++;
                }
            }
            sink.end();
            return new Result(nodes, relationships, sink.written() < 0 ? nodes + relationships : sink.written());
        }
    }

    static String idLabel(List<String> labels) {
        return ID_LABELS.stream()
                .filter(labels::contains)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("A node with labels " + labels + " is not part of the model"));
    }
}
