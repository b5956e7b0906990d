package org.dataflowatlas.importer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.dataflowatlas.evidence.SourceKind;
import org.dataflowatlas.organization.Jurisdiction;
import org.dataflowatlas.organization.OrgKind;
import org.jspecify.annotations.Nullable;

/**
 * A mapping file (YAML, checked against schema/mapping.schema.json when read): the Source every
 * imported fact cites, fixed organizations and products, and per CSV file the organizations, flows
 * and policies each row makes. Every value that reads a row is a {@link Template} compiled here, once.
 */
record ImportMapping(
        String name,
        @Nullable String description,
        Set<String> missing,
        SourceSpec source,
        List<OrganizationSpec> organizations,
        List<ProductSpec> products,
        List<Table> tables) {

    /** Reads and checks a mapping; any mistake is a {@link MappingException} saying where and what to change. */
    static ImportMapping parse(String where, String yaml) {
        return MappingReader.read(where, yaml);
    }

    List<String> files() {
        return tables.stream().map(Table::file).toList();
    }

    /** A CSV file's rows; {@code columns} are those its organizations, flows and skip rules read, in the mapping's order. */
    record Table(
            String file,
            List<String> columns,
            @Nullable SourceSpec source,
            List<SkipRule> skip,
            List<OrganizationSpec> organizations,
            List<FlowSpec> flows,
            List<PolicySpec> policies) {}

    /** A Source as the mapping writes it; {@code where} names it in messages ("source", "FILE source"). */
    record SourceSpec(
            String where,
            String id,
            String title,
            SourceKind kind,
            @Nullable String url,
            @Nullable String published,
            @Nullable String retrieved,
            @Nullable String licence,
            @Nullable String attribution,
            @Nullable End publisher) {}

    /** An organization each row makes; {@code aliases} is null when the mapping gives none. */
    record OrganizationSpec(
            Template id,
            Template name,
            @Nullable OrgKind kind,
            @Nullable List<Template> aliases,
            @Nullable Template country,
            @Nullable JurisdictionSpec jurisdiction,
            @Nullable Template description,
            @Nullable Boolean group,
            @Nullable Template estimatedSize) {}

    sealed interface JurisdictionSpec {}

    record FixedJurisdiction(Jurisdiction value) implements JurisdictionSpec {}

    /** The first rule whose expression is found in {@code from} wins; none leaves the jurisdiction unset. */
    record DerivedJurisdiction(Template from, List<JurisdictionRule> rules) implements JurisdictionSpec {}

    record JurisdictionRule(Pattern match, Jurisdiction value) {}

    /** A flow's end, a source's publisher: an id that must exist, an organization to make, or one found by name. */
    sealed interface End {}

    record EndById(Template id) implements End {}

    record EndMade(OrganizationSpec organization) implements End {}

    record EndByName(Template name, @Nullable OrgKind kind) implements End {}

    record ProductSpec(
            String id,
            String name,
            @Nullable String description,
            @Nullable String offeredBy) {}

    record SkipRule(Template when, List<String> in, String reason) {}

    record CategorySpec(
            Template id,
            @Nullable Template name,
            @Nullable Template origin,
            @Nullable Template description) {}

    record FlowSpec(
            Template id,
            End from,
            End to,
            List<CategorySpec> categories,
            @Nullable Template via,
            Template purpose,
            Template accessMethod,
            boolean realTime,
            @Nullable Template since,
            @Nullable Template until,
            Template confidence,
            @Nullable Template description,
            Map<String, Template> properties,
            Template quote) {}

    /** A published policy; its publisher is found by name. */
    record PolicySpec(
            Template id,
            Template title,
            Template publisher,
            @Nullable Template prohibitedUses,
            @Nullable Template description,
            @Nullable Template effective,
            @Nullable Template url,
            Template quote) {}
}
