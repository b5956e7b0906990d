package org.dataflowatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.dataflowatlas.GraphQlHttp;
import org.dataflowatlas.OwnDatabase;
import org.dataflowatlas.ReadsNeedKeyIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.junit.jupiter.api.Test;

/** The setting for shared servers: {@code dataflow.security.reads=key} (the the own-database lane's server). */
@ReadsNeedKeyIntegrationTest
class ReadsNeedKeyTest {

    private static final String QUERY = "{ organization(id: \"x\") { name } }";

    final int port = OwnDatabase.port();

    @Test
    void a_query_without_a_key_is_refused_with_401_and_says_how_to_send_one() {
        var response = new GraphQlHttp(port).post(QUERY, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.classification()).isEqualTo("UNAUTHORIZED");
        assertThat(response.message()).contains("Authorization: Bearer <key>").contains("reader key");
    }

    @Test
    void reader_and_editor_keys_may_query() {
        for (var key : new String[] {TestSupport.READER_KEY, TestSupport.EDITOR_KEY}) {
            var response = new GraphQlHttp(port).post(QUERY, key);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.errors()).isEmpty();
            assertThat(response.data("organization")).isNotNull();
        }
    }

    @Test
    void health_stays_open_for_load_balancers() {
        var http = new GraphQlHttp(port);
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .GET(),
                null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
