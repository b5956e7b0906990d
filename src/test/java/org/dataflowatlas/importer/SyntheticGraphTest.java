package org.dataflowatlas.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.dataflowatlas.InvalidInputException;
import org.junit.jupiter.api.Test;

class SyntheticGraphTest {

    @Test
    void the_same_seed_gives_the_same_graph_and_another_seed_another() {
        var first = SyntheticGraph.plan(200, 1_000, 42);
        var again = SyntheticGraph.plan(200, 1_000, 42);
        var other = SyntheticGraph.plan(200, 1_000, 43);
        assertThat(again).isEqualTo(first);
        assertThat(other.plan().tables()).isNotEqualTo(first.plan().tables());
    }

    @Test
    void makes_platforms_vendors_and_agencies_with_lineage_from_posts_to_alerts() {
        var plan = SyntheticGraph.plan(200, 1_000, 7);
        var flows = plan.plan().tables().getFirst().flows();
        assertThat(flows).hasSize(1_000);
        assertThat(plan.plan().organizations())
                .extracting(o -> o.get("kindLabel"))
                .contains("Platform", "Vendor", "Agency");
        assertThat(flows)
                .extracting(f -> (Object) ((Map<?, ?>) f.get("properties")).get("accessMethod"))
                .contains("FIREHOSE", "ALERTS", "SHARED_NETWORK");
        assertThat(flows).allSatisfy(flow -> assertThat(flow.get("from")).isNotEqualTo(flow.get("to")));
        assertThat(flows).extracting(f -> f.get("id")).doesNotHaveDuplicates();
        assertThat(plan.derivations())
                .isNotEmpty()
                .allSatisfy(d -> assertThat((String) d.get("parent")).endsWith("-posts"));
    }

    @Test
    void refuses_sizes_it_cannot_make() {
        assertThatThrownBy(() -> SyntheticGraph.plan(2, 10, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--organizations");
        assertThatThrownBy(() -> SyntheticGraph.plan(100, 0, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--flows");
    }
}
