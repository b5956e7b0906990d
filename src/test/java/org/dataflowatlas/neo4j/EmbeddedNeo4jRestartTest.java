package org.dataflowatlas.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dataflowatlas.DataflowAtlasApplication;
import org.dataflowatlas.OwnDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.neo4j.driver.Driver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database keeps its data across a stop and a start on the same directory, and is seeded once. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
class EmbeddedNeo4jRestartTest {

    @Test
    void keeps_its_data_across_a_restart_on_the_same_directory(@TempDir Path dataDirectory) {
        try (var first = start(dataDirectory)) {
            var seeded = count(first, "MATCH (o:Organization) RETURN count(o)");
            assertThat(seeded).isGreaterThan(5);
            first.getBean(Driver.class)
                    .executableQuery("CREATE (:Source {id: 'restart-probe', title: 'Restart probe', kind: 'DATASET'})")
                    .execute();
        }
        try (var second = start(dataDirectory)) {
            assertThat(count(second, "MATCH (s:Source {id: 'restart-probe'}) RETURN count(s)"))
                    .isEqualTo(1);
            // Not empty, so not seeded twice: still one X.
            assertThat(count(second, "MATCH (o:Organization {id: 'x'}) RETURN count(o)"))
                    .isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(DataflowAtlasApplication.class)
                .web(WebApplicationType.NONE)
                .run(List.of(
                                "--dataflow.embedded.data-directory=" + dataDirectory,
                                "--dataflow.embedded.bolt-port=0",
                                "--dataflow.embedded.http-port=0",
                                "--dataflow.embedded.page-cache=32m")
                        .toArray(String[]::new));
    }

    private static long count(ConfigurableApplicationContext context, String query) {
        return context.getBean(Driver.class)
                .executableQuery(query)
                .execute()
                .records()
                .getFirst()
                .get(0)
                .asLong();
    }
}
