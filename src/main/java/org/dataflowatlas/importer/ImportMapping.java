package org.dataflowatlas.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A mapping file (YAML; documented by schema/mapping.schema.json): the Source every imported fact
 * cites, fixed organizations and products, and per CSV file the organizations and flows each row
 * makes. Checked when read, so a mistake in the mapping is reported before any data is touched.
 */
record ImportMapping(
        String name,
        @Nullable String description,
        List<String> missing,
        Map<String, Object> source,
        List<Map<String, Object>> organizations,
        List<Map<String, Object>> products,
        List<Table> tables) {

    record Table(
            String file,
            @Nullable Map<String, Object> source,
            List<Map<String, Object>> skip,
            List<Map<String, Object>> organizations,
            List<Map<String, Object>> flows,
            List<Map<String, Object>> policies) {}

    static final Set<String> TOP =
            Set.of("name", "description", "missing", "source", "organizations", "products", "tables");
    static final Set<String> SOURCE =
            Set.of("id", "title", "kind", "url", "published", "retrieved", "licence", "attribution", "publisher");
    static final Set<String> TABLE = Set.of("file", "source", "skip", "organizations", "flows", "policies");
    static final Set<String> POLICY =
            Set.of("id", "title", "publisher", "prohibitedUses", "description", "effective", "url", "quote");
    static final Set<String> SKIP = Set.of("when", "in", "reason");
    static final Set<String> ORGANIZATION =
            Set.of("id", "name", "kind", "aliases", "country", "jurisdiction", "description", "group", "estimatedSize");
    static final Set<String> PRODUCT = Set.of("id", "name", "description", "offeredBy");
    static final Set<String> FLOW = Set.of(
            "id",
            "from",
            "to",
            "categories",
            "via",
            "purpose",
            "accessMethod",
            "realTime",
            "since",
            "until",
            "confidence",
            "description",
            "properties",
            "quote");
    static final Set<String> CATEGORY = Set.of("id", "name", "origin", "description");
    static final Set<String> RULES = Set.of("from", "rules");

    static ImportMapping parse(String where, String yaml) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException ex) {
            throw new MappingException(where + " is not valid YAML: " + ex.getMessage());
        }
        var top = map(document, where);
        check(top, TOP, where);
        var source = map(required(top, "source", where), where + ": source");
        check(source, SOURCE, where + ": source");
        for (var key : List.of("id", "title", "kind")) {
            required(source, key, where + ": source");
        }
        var tables = new ArrayList<Table>();
        var tableList = list(required(top, "tables", where), where + ": tables");
        for (int i = 0; i < tableList.size(); i++) {
            var at = where + ": tables[" + i + "]";
            var table = map(tableList.get(i), at);
            check(table, TABLE, at);
            var tableSource = table.get("source") == null ? null : map(table.get("source"), at + ".source");
            if (tableSource != null) {
                check(tableSource, SOURCE, at + ".source");
            }
            var skip = maps(table.get("skip"), at + ".skip");
            skip.forEach(rule -> check(rule, SKIP, at + ".skip"));
            var organizations = maps(table.get("organizations"), at + ".organizations");
            organizations.forEach(o -> check(o, ORGANIZATION, at + ".organizations"));
            var flows = maps(table.get("flows"), at + ".flows");
            for (var flow : flows) {
                check(flow, FLOW, at + ".flows");
                for (var key :
                        List.of("id", "from", "to", "categories", "purpose", "accessMethod", "confidence", "quote")) {
                    required(flow, key, at + ".flows");
                }
                maps(flow.get("categories"), at + ".flows.categories")
                        .forEach(c -> check(c, CATEGORY, at + ".flows.categories"));
            }
            var policies = maps(table.get("policies"), at + ".policies");
            for (var policy : policies) {
                check(policy, POLICY, at + ".policies");
                for (var key : List.of("id", "title", "publisher", "quote")) {
                    required(policy, key, at + ".policies");
                }
            }
            if (organizations.isEmpty() && flows.isEmpty() && policies.isEmpty()) {
                throw new MappingException(
                        at + " (" + table.get("file") + ") makes no organizations, flows or policies;"
                                + " give it an `organizations:`, `flows:` or `policies:` list.");
            }
            tables.add(new Table(
                    String.valueOf(required(table, "file", at)), tableSource, skip, organizations, flows, policies));
        }
        var organizations = maps(top.get("organizations"), where + ": organizations");
        organizations.forEach(o -> check(o, ORGANIZATION, where + ": organizations"));
        var products = maps(top.get("products"), where + ": products");
        products.forEach(p -> check(p, PRODUCT, where + ": products"));
        return new ImportMapping(
                String.valueOf(required(top, "name", where)),
                top.get("description") == null ? null : String.valueOf(top.get("description")),
                top.get("missing") == null
                        ? List.of()
                        : list(top.get("missing"), where + ": missing").stream()
                                .map(String::valueOf)
                                .toList(),
                source,
                organizations,
                products,
                List.copyOf(tables));
    }

    private static void check(Map<String, Object> map, Set<String> allowed, String where) {
        for (var key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new MappingException(where + ": unknown key '" + key + "'; allowed are "
                        + allowed.stream().sorted().toList() + " (see schema/mapping.schema.json).");
            }
        }
    }

    private static Object required(Map<String, Object> map, String key, String where) {
        var value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new MappingException(where + ": '" + key + "' is required.");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(@Nullable Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new MappingException(where + " must be a map of keys to values.");
        }
        var result = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    static List<Object> list(@Nullable Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw new MappingException(where + " must be a list.");
        }
        return new ArrayList<>(list);
    }

    static List<Map<String, Object>> maps(@Nullable Object value, String where) {
        if (value == null) {
            return List.of();
        }
        var result = new ArrayList<Map<String, Object>>();
        for (var item : list(value, where)) {
            result.add(map(item, where));
        }
        return result;
    }
}
