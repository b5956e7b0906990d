package org.dataflowatlas.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.DataflowAtlasApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@AtlasIntegrationTest
class EmbeddedNeo4jTest {

    @Autowired
    EmbeddedNeo4j server;

    @Autowired
    Neo4jConnectionInfo connection;

    @Test
    void serves_neo4j_browser_over_http_on_localhost() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.browserUrl())).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(server.browserUrl()).startsWith("http://localhost:").endsWith("/browser/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsIgnoringCase("<html").contains("Neo4j Browser");
    }

    @Test
    void advertises_the_bolt_port_really_in_use_to_browser() throws Exception {
        var discovery = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.browserUrl().replace("/browser/", "/")))
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.body()).contains(server.boltUri().replace("bolt://", ""));
        assertThat(connection.embedded()).isTrue();
        assertThat(connection.boltUri()).isEqualTo(server.boltUri());
    }

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
