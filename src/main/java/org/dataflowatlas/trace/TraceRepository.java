package org.dataflowatlas.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.graph.Mapping;
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

    /** Rows with the path's organization and flow nodes; walking upstream, flow i runs from organization i+1 to i. */
    List<Row> trace(String query, Map<String, @Nullable Object> parameters, boolean downstream) {
        return List.copyOf(neo4j.query(query)
                .bindAll(parameters)
                .fetchAs(Row.class)
                .mappedBy((types, record) -> {
                    var organizations =
                            record.get("organizations").asList(value -> Mapping.organization(value.asNode()));
                    var flowNodes = record.get("flows").asList(Value::asNode);
                    var flows = new ArrayList<DataFlow>(flowNodes.size());
                    for (int i = 0; i < flowNodes.size(); i++) {
                        var near = organizations.get(i).id();
                        var far = organizations.get(i + 1).id();
                        flows.add(Mapping.flow(flowNodes.get(i), downstream ? near : far, downstream ? far : near));
                    }
                    return new Row(
                            record.get("reachedId").asString(),
                            record.get("hops").asInt(),
                            FlowPath.resolved(organizations, flows));
                })
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
