package org.dataflowatlas.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.GraphQlHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GraphiQL reads the schema with a query nesting {@code ofType} nine times; the depth limit lets it, and only it, through. */
@AtlasIntegrationTest
class IntrospectionDepthTest {

    @LocalServerPort
    int port;

    @Test
    void graphiqls_introspection_query_reads_the_whole_schema() throws IOException {
        var query = Files.readString(Path.of("src/test/resources/graphql-test/graphiqlIntrospection.graphql"));

        var response = new GraphQlHttp(port).post(query, null);

        assertThat(response.errors()).isEmpty();
        assertThat(response.body())
                .contains("\"name\":\"trace\"", "\"name\":\"DataFlow\"", "Follows data flows outward");
    }

    @Test
    void introspection_that_recurses_through_fields_still_meets_the_depth_limit() {
        var query = "{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields"
                + " { type { name } } } } } } } } } } } } }";

        var response = new GraphQlHttp(port).post(query, null);

        assertThat(response.classification()).isEqualTo("BAD_REQUEST");
        assertThat(response.message()).contains("13 levels deep", "at most 12");
    }
}
