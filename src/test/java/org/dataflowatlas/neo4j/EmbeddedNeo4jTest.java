package org.dataflowatlas.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import org.dataflowatlas.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

@AtlasIntegrationTest
class EmbeddedNeo4jTest {

    @Autowired
    EmbeddedNeo4j server;

    @Autowired
    Neo4jConnectionInfo connection;

    @Autowired
    Driver driver;

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
    void reports_its_use_to_no_one() {
        var settings = driver.executableQuery("""
                        SHOW SETTINGS YIELD name, value
                        WHERE name IN ['dbms.usage_report.enabled', 'client.allow_telemetry']
                        RETURN name, value""").execute().records().stream()
                .collect(Collectors.toMap(
                        record -> record.get("name").asString(),
                        record -> record.get("value").asString()));
        assertThat(settings)
                .containsEntry("dbms.usage_report.enabled", "false")
                .containsEntry("client.allow_telemetry", "false");
    }
}
