package org.dataflowatlas.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.Instrumentation;
import org.dataflowatlas.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;

/** GraphQL Java runs exactly one instrumentation, the request limits, with no chain around it. */
@AtlasIntegrationTest
class InstrumentationTest {

    @Autowired
    GraphQlSource source;

    @Autowired
    ApplicationContext context;

    @Test
    void the_limits_are_the_only_instrumentation() {
        assertThat(source.graphQl().getInstrumentation()).isInstanceOf(QueryLimits.QueryLimitsInstrumentation.class);
        // An Instrumentation bean would be chained by Spring and then replaced by the limits: declare none.
        assertThat(context.getBeansOfType(Instrumentation.class)).isEmpty();
    }
}
