package org.dataflowatlas.trace;

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

    record Row(String reachedId, int hops, FlowPath path) {}

    List<Row> trace(String query, Map<String, @Nullable Object> parameters) {
        return List.copyOf(neo4j.query(query)
                .bindAll(parameters)
                .fetchAs(Row.class)
                .mappedBy((types, record) -> new Row(
                        record.get("reachedId").asString(),
                        record.get("hops").asInt(),
                        new FlowPath(
                                record.get("organizationIds").asList(Value::asString),
                                record.get("flowIds").asList(Value::asString))))
                .all());
    }

    List<FlowPath> paths(String query, Map<String, @Nullable Object> parameters) {
        return List.copyOf(neo4j.query(query)
                .bindAll(parameters)
                .fetchAs(FlowPath.class)
                .mappedBy((types, record) -> new FlowPath(
                        record.get("organizationIds").asList(Value::asString),
                        record.get("flowIds").asList(Value::asString)))
                .all());
    }
}
