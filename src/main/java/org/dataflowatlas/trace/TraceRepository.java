package org.dataflowatlas.trace;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Runs the trace-shaped statements of {@link TraceQueries} with Neo4jClient. */
@Repository
class TraceRepository {

    private final Neo4jClient neo4j;

    TraceRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** One statement of a trace walk, in the caller's transaction; the records are complete values. */
    List<Record> run(String query, Map<String, @Nullable Object> parameters) {
        return List.copyOf(neo4j.query(query)
                .bindAll(parameters)
                .fetchAs(Record.class)
                .mappedBy((types, record) -> record)
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
