package org.dataflowatlas.trace;

import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.evidence.Source;
import org.dataflowatlas.graph.KeyedQuery;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
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

    /** An audit entry that wrote a flow: its id, instant and operation. */
    record Write(String id, ZonedDateTime at, String operation) {}

    /** A dated source of a flow's evidence ({@code retraction}: of its retraction) and the day it counts from. */
    record DatedSource(Source source, String day, boolean retraction, boolean ends) {}

    /** What the writes kept on a flow that says when it changed, in recorded and in known time. */
    record FlowChanges(
            @Nullable ZonedDateTime recordedAt,
            @Nullable ZonedDateTime retractedAt,
            @Nullable ZonedDateTime untilRecordedAt,
            @Nullable String knownSince,
            @Nullable String retractionKnownSince,
            @Nullable String untilKnownSince,
            List<Write> writes,
            List<DatedSource> sources) {}

    Map<String, FlowChanges> changes(Collection<String> flowIds) {
        return KeyedQuery.single(
                neo4j,
                TraceQueries.CHANGES,
                flowIds,
                record -> new FlowChanges(
                        instant(record.get("recordedAt")),
                        instant(record.get("retractedAt")),
                        instant(record.get("untilRecordedAt")),
                        record.get("knownSince").asString(null),
                        record.get("retractionKnownSince").asString(null),
                        record.get("untilKnownSince").asString(null),
                        record.get("writes")
                                .asList(write -> new Write(
                                        write.get("id").asString(),
                                        write.get("at").asZonedDateTime(),
                                        write.get("operation").asString())),
                        record.get("sources")
                                .asList(source -> new DatedSource(
                                        Source.of(source.get("source").asNode()),
                                        source.get("day").asString(),
                                        source.get("retraction").asBoolean(),
                                        source.get("ends").asBoolean()))));
    }

    private static @Nullable ZonedDateTime instant(Value value) {
        return value.isNull() ? null : value.asZonedDateTime();
    }

    /** The database's clock, as an ISO 8601 instant: what recorded instants are compared with. */
    String now() {
        return neo4j.query("RETURN datetime() AS now")
                .fetchAs(String.class)
                .mappedBy((types, record) ->
                        record.get("now").asZonedDateTime().toOffsetDateTime().toString())
                .one()
                .orElseThrow();
    }

    List<FlowPath> paths(String query, Map<String, @Nullable Object> parameters) {
        return List.copyOf(neo4j.query(query)
                .bindAll(parameters)
                .fetchAs(FlowPath.class)
                .mappedBy((types, record) -> FlowPath.of(record.get("organizations"), record.get("flows"), true))
                .all());
    }
}
