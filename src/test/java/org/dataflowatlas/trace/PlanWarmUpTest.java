package org.dataflowatlas.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.graph.QueryPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The warm-up covers every trace shape, and its statements run as written. */
@AtlasIntegrationTest
class PlanWarmUpTest {

    @Autowired
    PlanWarmUp warmUp;

    @Autowired
    QueryPlans plans;

    @Test
    void every_shape_is_listed_once_with_the_default_trace_first() {
        var statements = warmUp.statements();
        // 2 directions × 2 modes × 8 hop counts, policyConflicts at 8 hop counts, and paths' default.
        assertThat(statements).hasSize(2 * 2 * TraceQueries.MAX_HOPS + TraceQueries.MAX_HOPS + 1);
        assertThat(statements.stream().map(shape -> shape.statement().cypher()).distinct())
                .hasSameSizeAs(statements);
        assertThat(statements.getFirst().statement().cypher())
                .isEqualTo(TraceQueries.trace(Direction.DOWNSTREAM, TraceMode.LINEAGE, 4));
        // Off in tests (AtlasIntegrationTest), so nothing started in the background.
        assertThat(warmUp.running()).isNull();
    }

    @Test
    void the_short_statements_plan_and_run_without_error() {
        // Planning all 41 takes about a minute on 2 cores; the 1-hop ones of every kind share their
        // parameters with the rest.
        var short_ =
                warmUp.statements().stream().filter(shape -> shape.hops() == 1).toList();
        assertThat(short_).hasSize(2 * 2 + 1);
        var result = warmUp.warmUp(short_);
        assertThat(result.statements()).isEqualTo(short_.size());
        assertThat(result.failed()).isZero();
        // Each is now known as planned, so a request of that shape goes straight to its transaction.
        short_.forEach(shape -> assertThat(plans.isPlanned(
                        shape.statement().cypher(), shape.statement().parameters()))
                .isTrue());
    }

    @Test
    void a_shape_is_planned_once_then_known() {
        var request = new TraceRequest(
                "x", Direction.UPSTREAM, TraceMode.REACHABILITY, 1, null, null, null, null, null, 7, 9);
        var statement = TraceService.statement(request);
        plans.ensurePlanned(statement.cypher(), statement.parameters());
        assertThat(plans.isPlanned(statement.cypher(), statement.parameters())).isTrue();
        // Another origin and other limits are the same shape; a purpose filter (a list, not null) is not.
        var other = TraceService.statement(new TraceRequest(
                "dataminr", Direction.UPSTREAM, TraceMode.REACHABILITY, 1, null, null, null, null, null, 200, 500));
        assertThat(plans.isPlanned(other.cypher(), other.parameters())).isTrue();
        var filtered = TraceService.statement(new TraceRequest(
                "x",
                Direction.UPSTREAM,
                TraceMode.REACHABILITY,
                1,
                null,
                java.util.List.of(org.dataflowatlas.flow.Purpose.LAW_ENFORCEMENT),
                org.dataflowatlas.flow.Confidence.REPORTED,
                java.util.List.of("no-such-category"),
                java.util.List.of(org.dataflowatlas.organization.OrgKind.AGENCY),
                7,
                9));
        assertThat(plans.isPlanned(filtered.cypher(), filtered.parameters())).isFalse();
    }
}
