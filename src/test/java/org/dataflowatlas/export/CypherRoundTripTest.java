package org.dataflowatlas.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dataflowatlas.OwnDatabase;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.script.CypherScriptLoader;
import org.dataflowatlas.trace.TraceRequest;
import org.dataflowatlas.trace.TraceService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.neo4j.driver.Driver;

/**
 * The seed exported as Cypher and loaded into an empty database is the same graph. In the
 * own-database lane: the export needs a graph nothing writes to meanwhile, and the load an empty one.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
class CypherRoundTripTest {

    @TempDir
    Path work;

    @Test
    void a_cypher_export_loaded_into_an_empty_database_gives_the_same_graph_and_the_same_traces() throws Exception {
        var file = work.resolve("atlas.cypher");
        var seed = OwnDatabase.fresh(true);
        var result = seed.getBean(GraphExporter.class).export(GraphExporter.Format.CYPHER, null, file);
        var expected = TestSupport.factFingerprint(seed.getBean(Driver.class));
        var expectedTrace = reached(seed.getBean(TraceService.class));
        assertThat(result.nodes()).isGreaterThan(30);
        assertThat(Files.readString(file)).contains("inferredBecause: ['The article names First Alert");

        var empty = OwnDatabase.fresh(false);
        var target = empty.getBean(Driver.class);
        assertThat(TestSupport.factFingerprint(target)).isNotEqualTo(expected);
        empty.getBean(CypherScriptLoader.class).load(file);
        assertThat(TestSupport.factFingerprint(target)).isEqualTo(expected);
        assertThat(reached(empty.getBean(TraceService.class))).isEqualTo(expectedTrace);
        // Loading the export a second time changes nothing.
        var again = empty.getBean(CypherScriptLoader.class).load(file);
        assertThat(again.nodesCreated()).isZero();
        assertThat(again.relationshipsCreated()).isZero();
    }

    private static List<String> reached(TraceService traces) {
        return traces.trace(TraceRequest.from("x").build()).paths().stream()
                .map(path -> String.join(">", path.organizationIds()))
                .toList();
    }
}
