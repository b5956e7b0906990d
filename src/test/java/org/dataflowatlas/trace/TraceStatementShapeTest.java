package org.dataflowatlas.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.script.CypherScriptLoader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.ProfiledPlan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * One plan per statement: Neo4j plans a text again for each new combination of parameter types, so
 * every statement a walk runs gets the same parameter types whatever the filters.
 */
@AtlasIntegrationTest
class TraceStatementShapeTest {

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @BeforeEach
    void loadFixture() {
        loader.load(new ClassPathResource("fixtures/trace-fixture.cypher"));
    }

    @Test
    void every_statement_a_walk_runs_gets_the_same_parameter_types_whatever_the_filters() {
        var ran = new ArrayList<Ran>();
        for (var direction : Direction.values()) {
            for (var mode : TraceMode.values()) {
                var origin = direction == Direction.DOWNSTREAM ? "tf-platform" : "tf-police";
                for (var request : List.of(
                        request(origin, direction, mode, null, null, null, null, null),
                        request(origin, direction, mode, PartialDate.parse("2024-06"), null, null, null, null),
                        request(
                                origin,
                                direction,
                                mode,
                                null,
                                List.of(Purpose.LAW_ENFORCEMENT),
                                Confidence.REPORTED,
                                null,
                                null),
                        request(
                                origin,
                                direction,
                                mode,
                                null,
                                null,
                                null,
                                List.of("tf-posts"),
                                List.of(OrgKind.AGENCY)),
                        request(origin, direction, mode, null, null, null, null, null)
                                .withAsOf(AsOf.of(PartialDate.parse("2024"), null)),
                        request(origin, direction, mode, PartialDate.parse("2021"), null, null, null, null)
                                .withAsOf(AsOf.of(
                                        PartialDate.parse("2023-06"), OffsetDateTime.parse("2026-01-01T00:00:00Z"))),
                        request(origin, direction, mode, null, null, null, null, null)
                                .withAsOf(AsOf.of(null, OffsetDateTime.parse("2030-01-01T00:00:00+01:00"))))) {
                    walk(request, ran);
                }
            }
        }
        var signatures = new HashMap<String, Map<String, String>>();
        for (var statement : ran) {
            var types = new TreeMap<String, String>();
            statement.parameters().forEach((name, value) -> types.put(name, type(value)));
            var first = signatures.putIfAbsent(statement.cypher(), types);
            assertThat(types).as("parameter types of %s", statement.cypher()).isEqualTo(first == null ? types : first);
        }
        // Both first hops, the next hops of both modes and directions, the nodes of longer paths, categories.
        assertThat(signatures).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void with_neither_time_a_hop_reads_what_the_bare_retraction_and_date_check_reads() {
        var parameters = TraceService.filterParameters(null, AsOf.NOW, null);
        parameters.put("from", "tf-vendor");
        parameters.put("categories", List.of(""));
        parameters.put("anyCategory", true);
        parameters.put("byPurpose", false);
        parameters.put("byKind", false);
        var bare = TraceQueries.downstreamFirstHop("coalesce(f.retracted, false) = false AND f.confidence IN"
                + " $confidences AND ($anyDate OR (coalesce(f.since, f.evidencedSince, '') <= $activeLast"
                + " AND (f.until IS NULL OR f.until + '~' >= $activeFirst)))");
        long product = dbHits(TraceQueries.firstHop(Direction.DOWNSTREAM, false), parameters);
        // Neo4j orders the conjuncts by its own estimate: with the time rules in, it checks confidence
        // before retraction, so a retracted flow (tf-f7 leaves tf-vendor) costs one read more, no other does.
        long retracted = driver.executableQuery(
                        "MATCH (:Organization {id: 'tf-vendor'})-[:SENDS]->(f:DataFlow) WHERE f.retracted RETURN count(f) AS n")
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
        assertThat(retracted).isPositive();
        assertThat(product).isPositive().isLessThanOrEqualTo(dbHits(bare, parameters) + retracted);
    }

    private long dbHits(String cypher, Map<String, @Nullable Object> parameters) {
        try (var session = driver.session()) {
            var profile = session.run("PROFILE " + cypher, parameters).consume().profile();
            return hits(profile);
        }
    }

    private static long hits(ProfiledPlan plan) {
        long total = plan.dbHits();
        for (var child : plan.children()) {
            total += hits(child);
        }
        return total;
    }

    private record Ran(String cypher, Map<String, @Nullable Object> parameters) {}

    private void walk(TraceRequest request, List<Ran> ran) {
        try (var session = driver.session(
                SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            session.executeRead(tx -> TraceService.walk(request, (cypher, parameters) -> {
                ran.add(new Ran(cypher, parameters));
                return tx.run(cypher, parameters).list();
            }));
        }
    }

    /** The parameter's type as Neo4j keys plans by it: null, and a list by what it holds. */
    private static String type(@Nullable Object value) {
        if (value instanceof List<?> list) {
            return "List<"
                    + (list.isEmpty() ? "nothing" : list.getFirst().getClass().getSimpleName()) + ">";
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static TraceRequest request(
            String from,
            Direction direction,
            TraceMode mode,
            @Nullable PartialDate activeOn,
            @Nullable List<Purpose> purposes,
            @Nullable Confidence minConfidence,
            @Nullable List<String> categories,
            @Nullable List<OrgKind> toKinds) {
        return TraceRequest.from(from)
                .direction(direction)
                .mode(mode)
                .activeOn(activeOn)
                .purposes(purposes)
                .minConfidence(minConfidence)
                .categories(categories)
                .toKinds(toKinds)
                .limit(100)
                .maxPaths(100)
                .build();
    }
}
