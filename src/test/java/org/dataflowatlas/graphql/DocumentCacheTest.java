package org.dataflowatlas.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.dataflowatlas.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Cached documents answer like fresh ones: variables apply each time, and the request limits still hold. */
@AtlasIntegrationTest
class DocumentCacheTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    DocumentCache cache;

    @Test
    void the_same_document_is_kept_once_and_answers_each_variable() {
        // A document no other test sends: a comment makes its text unique.
        var document = "# " + UUID.randomUUID() + "\nquery($id: ID!) { organization(id: $id) { id name } }";
        long before = cache.size();
        graphQl.document(document)
                .variable("id", "x")
                .execute()
                .path("organization.id")
                .entity(String.class)
                .isEqualTo("x");
        graphQl.document(document)
                .variable("id", "dataminr")
                .execute()
                .path("organization.id")
                .entity(String.class)
                .isEqualTo("dataminr");
        assertThat(cache.size()).isEqualTo(before + 1);
    }

    @Test
    void a_cached_document_is_still_held_to_the_limits() {
        // 12 traces cost 1,200 and more; the second request finds the document already parsed and validated.
        var traces = new StringBuilder("{");
        for (int i = 0; i < 12; i++) {
            traces.append(" t").append(i).append(": trace(from: \"x\") { truncated }");
        }
        // Over HTTP, RequestErrors reclassifies this BAD_REQUEST (HostileInputTest checks that).
        failsTwiceWith(traces.append(" }").toString(), "dataflow.limits.max-complexity");
    }

    @Test
    void a_document_that_fails_validation_is_not_kept_and_fails_the_same_way_again() {
        var document = "# " + UUID.randomUUID() + "\n{ organization(id: \"x\") { noSuchField } }";
        long before = cache.size();
        failsTwiceWith(document, "noSuchField");
        assertThat(cache.size()).isEqualTo(before);
    }

    /** Sends the document twice; each time the only error names {@code fragment}. */
    private void failsTwiceWith(String document, String fragment) {
        for (int attempt = 0; attempt < 2; attempt++) {
            graphQl.document(document)
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .singleElement()
                            .satisfies(error -> assertThat(error.getMessage()).contains(fragment)));
        }
    }
}
