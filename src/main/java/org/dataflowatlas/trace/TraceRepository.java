package org.dataflowatlas.trace;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Runs the trace-shaped statements of {@link TraceQueries} with Neo4jClient; rows map to paths. */
@Repository
class TraceRepository {

    private final Neo4jClient neo4j;

    TraceRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A path found, with what the answer is ordered by: hops, then the reached organization, then the flow ids. */
    record Row(String reachedId, int hops, String flowKey, FlowPath path) {

        static final Comparator<Row> ORDER =
                Comparator.comparingInt(Row::hops).thenComparing(Row::reachedId).thenComparing(Row::flowKey);
    }

    /** Rows with the path's organization and flow nodes; walking upstream, flow i runs from organization i+1 to i. */
    List<Row> trace(String query, Map<String, @Nullable Object> parameters, boolean downstream) {
        return List.copyOf(neo4j.query(query)
                .bindAll(parameters)
                .fetchAs(Row.class)
                .mappedBy((types, record) -> new Row(
                        record.get("reachedId").asString(),
                        record.get("hops").asInt(),
                        String.join("\u0000", record.get("flowIds").asList(Value::asString)),
                        FlowPath.of(record.get("organizations"), record.get("flows"), downstream)))
                .all());
    }

    List<FlowPath> paths(String query, Map<String, @Nullable Object> parameters) {
        return List.copyOf(neo4j.query(query)
                .bindAll(parameters)
                .fetchAs(FlowPath.class)
                .mappedBy((types, record) -> FlowPath.of(record.get("organizations"), record.get("flows"), true))
                .all());
    }
}
