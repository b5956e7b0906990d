package org.dataflowatlas.importer;

import java.util.List;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.security.Editors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The import for small batches over GraphQL: the same mapping, checks and writer as the command line. */
@Controller
class ImportController {

    private final Importer importer;

    ImportController(Importer importer) {
        this.importer = importer;
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    ImportSummary importFlows(
            @Argument @Nullable String mapping,
            @Argument @Nullable String mappingYaml,
            @Argument String file,
            @Argument String csv,
            @Argument boolean dryRun) {
        try {
            return importer.runText(mapping, mappingYaml, file, csv, dryRun);
        } catch (MappingException ex) {
            throw new InvalidInputException(ex.getMessage());
        }
    }

    /** Rows a mapping left out on purpose, by reason. */
    record SkippedRows(String reason, long rows) {}

    @SchemaMapping(typeName = "ImportSummary")
    List<SkippedRows> skipped(ImportSummary summary) {
        return summary.skipped().entrySet().stream()
                .map(entry -> new SkippedRows(entry.getKey(), entry.getValue()))
                .toList();
    }

    @SchemaMapping(typeName = "ImportSummary")
    double seconds(ImportSummary summary) {
        return summary.elapsed().toNanos() / 1e9;
    }
}
