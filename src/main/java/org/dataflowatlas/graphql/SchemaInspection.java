package org.dataflowatlas.graphql;

import java.util.concurrent.atomic.AtomicReference;
import org.dataflowatlas.graph.Entities;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Checks at start-up that every schema field has a data fetcher and every controller mapping a
 * schema field, keeps the report (tests assert on it) and warns when something is off. The
 * members of the {@code Entity} union are named from the kinds the capabilities declare, because
 * controllers return them as Object.
 */
@Component
public class SchemaInspection implements GraphQlSourceBuilderCustomizer {

    private static final Logger log = LoggerFactory.getLogger(SchemaInspection.class);

    private final AtomicReference<@Nullable SchemaReport> report = new AtomicReference<>();
    private final Entities entities;

    SchemaInspection(Entities entities) {
        this.entities = entities;
    }

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.inspectSchemaMappings(
                initializer -> entities.kinds().forEach(kind -> initializer.classMapping(kind.label(), kind.type())),
                this::record);
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
}
