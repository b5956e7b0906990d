package org.dataflowatlas.graphql;

import java.util.concurrent.atomic.AtomicReference;
import org.dataflowatlas.evidence.Event;
import org.dataflowatlas.evidence.Source;
import org.dataflowatlas.evidence.Statement;
import org.dataflowatlas.flow.DataCategory;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.flow.Product;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.Person;
import org.dataflowatlas.policy.Agreement;
import org.dataflowatlas.policy.Policy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.SchemaMappingInspector;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Checks at start-up that every schema field has a data fetcher and every controller mapping a
 * schema field, keeps the report (tests assert on it) and warns when something is off. Union
 * members (the {@code Entity} union) are named explicitly, because the controllers return them as Object.
 */
@Component
public class SchemaInspection implements GraphQlSourceBuilderCustomizer {

    private static final Logger log = LoggerFactory.getLogger(SchemaInspection.class);

    private final AtomicReference<@Nullable SchemaReport> report = new AtomicReference<>();

    @Override
    public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
        builder.inspectSchemaMappings(SchemaInspection::unionMembers, this::record);
    }

    public @Nullable SchemaReport report() {
        return report.get();
    }

    private void record(SchemaReport schemaReport) {
        report.set(schemaReport);
        boolean clean = schemaReport.unmappedFields().isEmpty()
                && schemaReport.unmappedRegistrations().isEmpty()
                && schemaReport.unmappedArguments().isEmpty()
                && schemaReport.skippedTypes().isEmpty();
        if (clean) {
            log.debug("GraphQL schema inspection: every field is mapped");
        } else {
            log.warn("GraphQL schema inspection found gaps:\n{}", schemaReport);
        }
    }

    private static void unionMembers(SchemaMappingInspector.Initializer initializer) {
        initializer
                .classMapping("Organization", Organization.class)
                .classMapping("Person", Person.class)
                .classMapping("Product", Product.class)
                .classMapping("DataCategory", DataCategory.class)
                .classMapping("DataFlow", DataFlow.class)
                .classMapping("Source", Source.class)
                .classMapping("Event", Event.class)
                .classMapping("Statement", Statement.class)
                .classMapping("Policy", Policy.class)
                .classMapping("Agreement", Agreement.class);
    }
}
