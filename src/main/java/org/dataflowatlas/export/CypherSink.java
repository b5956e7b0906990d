package org.dataflowatlas.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A Cypher script that re-creates the graph with MERGE on ids, so it runs in Neo4j Browser,
 * cypher-shell -f and dataflow-atlas load, and running it twice changes nothing. Rows are grouped
 * into UNWIND statements of a few hundred, so large graphs load at batch speed.
 */
final class CypherSink extends Sink {

    private static final int CHUNK = 500;

    private final Writer out;
    private final Map<List<String>, List<String>> nodeGroups = new LinkedHashMap<>();
    private final Map<List<String>, List<String>> relationshipGroups = new LinkedHashMap<>();

    CypherSink(Writer out) {
        this.out = out;
    }

    @Override
    void begin() throws IOException {
        out.write("// Dataflow Atlas export. Re-creates the graph with MERGE on ids: run it in Neo4j Browser,\n");
        out.write(
                "// with cypher-shell -f, or with `dataflow-atlas load FILE` (into a database with the schema applied).\n");
    }

    @Override
    void node(List<String> labels, Map<String, Object> properties) throws IOException {
        var key = labels.stream().sorted().toList();
        var row = "{id: " + Literals.cypher(properties.get("id")) + ", properties: "
                + Literals.cypher(new TreeMap<>(properties)) + "}";
        var rows = nodeGroups.computeIfAbsent(key, k -> new ArrayList<>());
        rows.add(row);
        if (rows.size() >= CHUNK) {
            flushNodes(key, rows);
        }
    }

    @Override
    void endNodes() throws IOException {
        for (var entry : nodeGroups.entrySet()) {
            flushNodes(entry.getKey(), entry.getValue());
        }
    }

    @Override
    void relationship(
            String type,
            Map<String, Object> properties,
            String startLabel,
            String startId,
            String endLabel,
            String endId)
            throws IOException {
        var keys = properties.keySet().stream().sorted().toList();
        var group = new ArrayList<String>(List.of(type, startLabel, endLabel));
        group.addAll(keys);
        var row = "{a: " + Literals.cypher(startId) + ", b: " + Literals.cypher(endId) + ", p: "
                + Literals.cypher(new TreeMap<>(properties)) + "}";
        var rows = relationshipGroups.computeIfAbsent(List.copyOf(group), k -> new ArrayList<>());
        rows.add(row);
        if (rows.size() >= CHUNK) {
            flushRelationships(List.copyOf(group), rows);
        }
    }

    @Override
    void end() throws IOException {
        for (var entry : relationshipGroups.entrySet()) {
            flushRelationships(entry.getKey(), entry.getValue());
        }
        out.flush();
    }

    private void flushNodes(List<String> labels, List<String> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        var primary = GraphExporter.idLabel(labels);
        var others = labels.stream()
                .filter(label -> !label.equals(primary))
                .map(Literals::name)
                .toList();
        out.write("\nUNWIND [\n  " + String.join(",\n  ", rows) + "\n] AS row\n");
        out.write("MERGE (n:" + Literals.name(primary) + " {id: row.id})\n");
        out.write("SET n += row.properties" + (others.isEmpty() ? "" : ", n:" + String.join(":", others)) + ";\n");
        rows.clear();
    }

    private void flushRelationships(List<String> group, List<String> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        var type = group.get(0);
        var keys = group.subList(3, group.size());
        var identity = keys.isEmpty()
                ? ""
                : keys.stream()
                        .map(key -> Literals.name(key) + ": row.p." + Literals.name(key))
                        .collect(Collectors.joining(", ", " {", "}"));
        out.write("\nUNWIND [\n  " + String.join(",\n  ", rows) + "\n] AS row\n");
        out.write("MATCH (a:" + Literals.name(group.get(1)) + " {id: row.a}), (b:" + Literals.name(group.get(2))
                + " {id: row.b})\n");
        out.write("MERGE (a)-[:" + Literals.name(type) + identity + "]->(b);\n");
        rows.clear();
    }
}
