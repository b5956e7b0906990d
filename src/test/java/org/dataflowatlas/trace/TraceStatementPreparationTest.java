package org.dataflowatlas.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.script.CypherScriptLoader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * What start-up prepares is what traces run: every statement a walk runs, with any filter, is one
 * of the prepared texts, with parameters of the same types, so its first call finds the plan made.
 */
@AtlasIntegrationTest
class TraceStatementPreparationTest {

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @BeforeEach
    void loadFixture() {
        loader.load(new ClassPathResource("fixtures/trace-fixture.cypher"));
    }

    @Test
    void every_statement_a_walk_runs_is_prepared_with_parameters_of_the_same_types() {
        var prepared = TraceQueries.preparations();
        var ran = new ArrayList<TraceQueries.Preparation>();
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
                                List.of(OrgKind.AGENCY)))) {
                    walk(request, ran);
                }
            }
        }
        var texts =
                ran.stream().map(TraceQueries.Preparation::cypher).distinct().toList();
        assertThat(texts).as("walks went past the first hop").hasSizeGreaterThanOrEqualTo(6);
        for (var statement : ran) {
            var preparation = prepared.stream()
                    .filter(candidate -> candidate.cypher().equals(statement.cypher()))
                    .findFirst();
            assertThat(preparation).as("prepared: %s", statement.cypher()).isPresent();
            statement
                    .parameters()
                    .forEach((name, value) -> assertThat(
                                    type(preparation.get().parameters().get(name)))
                            .as("type of $%s in %s", name, statement.cypher())
                            .isEqualTo(type(value)));
        }
    }

    @Test
    void the_prepared_statements_run_and_find_nothing() {
        try (var session = driver.session(
                SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            for (var preparation : TraceQueries.preparations()) {
                var records = session.executeRead(tx ->
                        tx.run(preparation.cypher(), preparation.parameters()).list());
                for (var record : records) {
                    record.values()
                            .forEach(value -> assertThat(value.isNull() || value.size() == 0)
                                    .as("%s found %s", preparation.cypher(), record)
                                    .isTrue());
                }
            }
        }
    }

    private void walk(TraceRequest request, List<TraceQueries.Preparation> ran) {
        try (var session = driver.session(
                SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            session.executeRead(tx -> TraceService.walk(request, (cypher, parameters) -> {
                ran.add(new TraceQueries.Preparation(cypher, parameters));
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
        return new TraceRequest(
                from, direction, mode, 4, activeOn, purposes, minConfidence, categories, toKinds, 100, 100);
    }
}
