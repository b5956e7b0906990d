package org.dataflowatlas.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.dataflowatlas.evidence.SourceKind;
import org.dataflowatlas.importer.ImportMapping.CategorySpec;
import org.dataflowatlas.importer.ImportMapping.DerivedJurisdiction;
import org.dataflowatlas.importer.ImportMapping.End;
import org.dataflowatlas.importer.ImportMapping.EndById;
import org.dataflowatlas.importer.ImportMapping.EndByName;
import org.dataflowatlas.importer.ImportMapping.EndMade;
import org.dataflowatlas.importer.ImportMapping.FixedJurisdiction;
import org.dataflowatlas.importer.ImportMapping.FlowSpec;
import org.dataflowatlas.importer.ImportMapping.JurisdictionRule;
import org.dataflowatlas.importer.ImportMapping.JurisdictionSpec;
import org.dataflowatlas.importer.ImportMapping.OrganizationSpec;
import org.dataflowatlas.importer.ImportMapping.PolicySpec;
import org.dataflowatlas.importer.ImportMapping.ProductSpec;
import org.dataflowatlas.importer.ImportMapping.SkipRule;
import org.dataflowatlas.importer.ImportMapping.SourceSpec;
import org.dataflowatlas.importer.ImportMapping.Table;
import org.dataflowatlas.organization.Jurisdiction;
import org.dataflowatlas.organization.OrgKind;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a mapping: YAML into a tree, the tree checked against {@link MappingSchema}, then into
 * {@link ImportMapping}'s records with every template compiled. Only what the schema accepted is
 * read, so the reader names the keys it uses and nothing else decides which keys exist.
 */
final class MappingReader {

    private MappingReader() {}

    static ImportMapping read(String where, String yaml) {
        return read(where, yaml, MappingSchema.shipped());
    }

    static ImportMapping read(String where, String yaml, MappingSchema schema) {
        Object document;
        try {
            document = yaml().load(yaml);
        } catch (RuntimeException ex) {
            throw new MappingException(where + " is not valid YAML: " + ex.getMessage());
        }
        var tree = JsonMapper.shared().valueToTree(document);
        schema.check(where, tree);
        return mapping(where, tree);
    }

    /**
     * Scalars stay text, except true/false and null: every template is text (a year or an id
     * written without quotes included), as the schema says, and dates are not turned into instants.
     */
    private static Yaml yaml() {
        var resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
                addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
                addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
                addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            }
        };
        var options = new LoaderOptions();
        return new Yaml(
                new SafeConstructor(options),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                options,
                resolver);
    }

    private static ImportMapping mapping(String where, JsonNode top) {
        var source = source(top.path("source"), "source", where + ": source");
        var tables = new ArrayList<Table>();
        var tableList = top.path("tables");
        for (int i = 0; i < tableList.size(); i++) {
            tables.add(table(tableList.get(i), where + ": tables[" + i + "]"));
        }
        var organizations = new ArrayList<OrganizationSpec>();
        for (var organization : top.path("organizations")) {
            organizations.add(organization(organization, null, "organizations"));
        }
        var products = new ArrayList<ProductSpec>();
        for (var product : top.path("products")) {
            var id = product.path("id").asString();
            products.add(new ProductSpec(
                    id,
                    product.path("name").asString(id),
                    optional(product, "description"),
                    optional(product, "offeredBy")));
        }
        var missing = new LinkedHashSet<String>();
        top.path("missing").forEach(value -> missing.add(value.asString()));
        return new ImportMapping(
                requiredText(top, "name", where),
                optional(top, "description"),
                missing,
                source,
                List.copyOf(organizations),
                List.copyOf(products),
                List.copyOf(tables));
    }

    private static Table table(JsonNode table, String at) {
        var file = table.path("file").asString();
        var source = table.has("source") ? source(table.path("source"), file + " source", null) : null;
        var skip = new ArrayList<SkipRule>();
        for (var rule : table.path("skip")) {
            var in = new ArrayList<String>();
            rule.path("in").forEach(value -> in.add(value.asString()));
            skip.add(new SkipRule(
                    template(rule, "when", "mapping"),
                    List.copyOf(in),
                    rule.path("reason").asString()));
        }
        var organizations = new ArrayList<OrganizationSpec>();
        for (var organization : table.path("organizations")) {
            organizations.add(organization(organization, "mapping", file + ".organizations"));
        }
        var flows = new ArrayList<FlowSpec>();
        for (var flow : table.path("flows")) {
            flows.add(flow(flow, at + ".flows"));
        }
        var policies = new ArrayList<PolicySpec>();
        for (var policy : table.path("policies")) {
            policies.add(policy(policy, at + ".policies"));
        }
        if (organizations.isEmpty() && flows.isEmpty() && policies.isEmpty()) {
            throw new MappingException(at + " (" + file + ") makes no organizations, flows or policies;"
                    + " give it an `organizations:`, `flows:` or `policies:` list.");
        }
        var columns = new LinkedHashSet<String>();
        for (var key : List.of("organizations", "flows", "skip")) {
            collectColumns(table.path(key), columns);
        }
        return new Table(
                requiredText(table, "file", at),
                List.copyOf(columns),
                source,
                List.copyOf(skip),
                List.copyOf(organizations),
                List.copyOf(flows),
                List.copyOf(policies));
    }

    /**
     * A Source; {@code where} names it in the planner's messages. The main source's required keys
     * must not be blank ({@code required} names it then); a table's are checked by the schema alone.
     */
    private static SourceSpec source(JsonNode source, String where, @Nullable String required) {
        var kind = text(source, "kind", required);
        End publisher = null;
        if (source.has("publisher")) {
            var ref = source.path("publisher");
            publisher = ref.has("id")
                    ? new EndMade(organization(ref, null, where + ".publisher"))
                    : new EndByName(Template.literal(ref.path("name").asString()), kind(ref));
        }
        return new SourceSpec(
                where,
                text(source, "id", required),
                text(source, "title", required),
                SourceKind.valueOf(kind),
                optional(source, "url"),
                optional(source, "published"),
                optional(source, "retrieved"),
                optional(source, "licence"),
                optional(source, "attribution"),
                publisher);
    }

    /**
     * An organization to make. Its templates are named {@code templates} in messages ("mapping"
     * for a table's, or the key itself for the mapping's fixed ones); {@code where} names its
     * aliases and jurisdiction rules.
     */
    private static OrganizationSpec organization(JsonNode spec, @Nullable String templates, String where) {
        List<Template> aliases = null;
        if (spec.has("aliases")) {
            aliases = new ArrayList<>();
            for (var alias : spec.path("aliases")) {
                aliases.add(Template.of(alias.asString(), templates == null ? where : templates));
            }
        }
        return new OrganizationSpec(
                template(spec, "id", templates),
                template(spec, "name", templates),
                kind(spec),
                aliases,
                optionalTemplate(spec, "country", templates),
                jurisdiction(spec, templates == null ? where : templates, where),
                optionalTemplate(spec, "description", templates),
                spec.has("group") ? spec.path("group").booleanValue() : null,
                optionalTemplate(spec, "estimatedSize", templates));
    }

    private static @Nullable JurisdictionSpec jurisdiction(JsonNode spec, String templates, String where) {
        var jurisdiction = spec.path("jurisdiction");
        if (jurisdiction.isMissingNode() || jurisdiction.isNull()) {
            return null;
        }
        if (jurisdiction.isString()) {
            return new FixedJurisdiction(Jurisdiction.valueOf(jurisdiction.asString()));
        }
        var rules = new ArrayList<JurisdictionRule>();
        for (var rule : jurisdiction.path("rules")) {
            var match = rule.path("match").asString();
            try {
                rules.add(new JurisdictionRule(
                        Pattern.compile(match),
                        Jurisdiction.valueOf(rule.path("value").asString())));
            } catch (PatternSyntaxException ex) {
                throw new MappingException(where + ".jurisdiction.rules: '" + match + "' is not a regular expression: "
                        + ex.getDescription());
            }
        }
        return new DerivedJurisdiction(
                Template.of(jurisdiction.path("from").asString(), templates), List.copyOf(rules));
    }

    private static FlowSpec flow(JsonNode spec, String where) {
        for (var key : List.of("id", "from", "to", "purpose", "accessMethod", "confidence", "quote")) {
            if (spec.path(key).isString()) {
                requiredText(spec, key, where);
            }
        }
        var categories = new ArrayList<CategorySpec>();
        for (var category : spec.path("categories")) {
            categories.add(new CategorySpec(
                    template(category, "id", "mapping"),
                    optionalTemplate(category, "name", "mapping"),
                    optionalTemplate(category, "origin", "mapping"),
                    optionalTemplate(category, "description", "mapping")));
        }
        var properties = new LinkedHashMap<String, Template>();
        spec.path("properties")
                .properties()
                .forEach(entry -> properties.put(
                        entry.getKey(), Template.of(entry.getValue().asString(), "mapping")));
        return new FlowSpec(
                template(spec, "id", "mapping"),
                end(spec.path("from"), "from"),
                end(spec.path("to"), "to"),
                List.copyOf(categories),
                optionalTemplate(spec, "via", "mapping"),
                template(spec, "purpose", "mapping"),
                template(spec, "accessMethod", "mapping"),
                spec.path("realTime").booleanValue(false),
                optionalTemplate(spec, "since", "mapping"),
                optionalTemplate(spec, "until", "mapping"),
                template(spec, "confidence", "mapping"),
                optionalTemplate(spec, "description", "mapping"),
                properties,
                template(spec, "quote", "mapping"));
    }

    /** A flow's end: an id (a template), an organization to make ({id, …}) or one to find by name ({name, kind}). */
    private static End end(JsonNode end, String key) {
        if (end.isString()) {
            return new EndById(Template.of(end.asString(), "mapping"));
        }
        if (end.has("id")) {
            return new EndMade(organization(end, "mapping", key));
        }
        return new EndByName(template(end, "name", "mapping"), kind(end));
    }

    private static PolicySpec policy(JsonNode spec, String where) {
        for (var key : List.of("id", "title", "quote")) {
            requiredText(spec, key, where);
        }
        return new PolicySpec(
                template(spec, "id", null),
                template(spec, "title", null),
                template(spec.path("publisher"), "name", null),
                optionalTemplate(spec, "prohibitedUses", null),
                optionalTemplate(spec, "description", null),
                optionalTemplate(spec, "effective", null),
                optionalTemplate(spec, "url", null),
                template(spec, "quote", null));
    }

    /** Every column named in the texts below {@code node}, regular expressions aside. */
    private static void collectColumns(JsonNode node, Set<String> into) {
        if (node.isString()) {
            into.addAll(Template.columnsIn(node.asString()));
        } else if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (!entry.getKey().equals("match")) {
                    collectColumns(entry.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectColumns(item, into));
        }
    }

    private static @Nullable OrgKind kind(JsonNode spec) {
        var kind = spec.path("kind");
        return kind.isString() ? OrgKind.valueOf(kind.asString()) : null;
    }

    /** A template the schema requires; {@code where} names it in messages, or null for the key itself. */
    private static Template template(JsonNode spec, String key, @Nullable String where) {
        return Template.of(spec.path(key).asString(), where == null ? key : where);
    }

    private static @Nullable Template optionalTemplate(JsonNode spec, String key, @Nullable String where) {
        var value = spec.path(key);
        return value.isString() ? Template.of(value.asString(), where == null ? key : where) : null;
    }

    private static @Nullable String optional(JsonNode spec, String key) {
        var value = spec.path(key);
        return value.isString() ? value.asString() : null;
    }

    /** A text the schema requires, which must not be blank either; with no {@code where}, blank is let through. */
    private static String text(JsonNode spec, String key, @Nullable String where) {
        return where == null ? spec.path(key).asString() : requiredText(spec, key, where);
    }

    private static String requiredText(JsonNode spec, String key, String where) {
        var value = spec.path(key).asString();
        if (value.isBlank()) {
            throw new MappingException(where + ": '" + key + "' is required.");
        }
        return value;
    }
}
