package org.dataflowatlas.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What the planner makes of a mapping and its rows, before it becomes the writer's parameters
 * ({@link ImportPlan}): organizations, sources, flows and policies with real types, and ends that
 * are either ids or names still to resolve.
 */
final class Planned {

    private Planned() {}

    /** An organization named by id, or by a name (or alias) the planner resolves to one. */
    sealed interface Ref {
        /** The id; only once names are resolved. */
        String id();

        /** As messages show it. */
        String text();
    }

    record ById(String id) implements Ref {
        @Override
        public String text() {
            return id;
        }
    }

    record ByName(String name) implements Ref {
        @Override
        public String id() {
            throw new IllegalStateException("organization '" + name + "' is not resolved yet");
        }

        @Override
        public String text() {
            return "name:" + name;
        }
    }

    record Organization(
            String id,
            String name,
            @Nullable String kindLabel,
            @Nullable String country,
            @Nullable String jurisdiction,
            @Nullable String description,
            @Nullable Boolean group,
            @Nullable String estimatedSize,
            @Nullable List<String> aliases) {

        /** One made to stand for a name nothing else answers to: only its id, name and kind. */
        static Organization named(String id, String name, @Nullable String kindLabel) {
            return new Organization(id, name, kindLabel, null, null, null, null, null, null);
        }

        /** The values both give and do not agree on, as "key: 'this' vs 'other'". */
        List<String> conflicts(Organization other) {
            var before = parameters();
            var conflicts = new ArrayList<String>();
            other.parameters().forEach((key, value) -> {
                var previous = before.get(key);
                if (value != null && previous != null && !previous.equals(value)) {
                    conflicts.add(key + ": '" + previous + "' vs '" + value + "'");
                }
            });
            return conflicts;
        }

        /** This organization with the values it lacks taken from {@code other}. */
        Organization fill(Organization other) {
            return new Organization(
                    id,
                    name,
                    either(kindLabel, other.kindLabel),
                    either(country, other.country),
                    either(jurisdiction, other.jurisdiction),
                    either(description, other.description),
                    either(group, other.group),
                    either(estimatedSize, other.estimatedSize),
                    either(aliases, other.aliases));
        }

        private static <T> @Nullable T either(@Nullable T value, @Nullable T otherwise) {
            return value != null ? value : otherwise;
        }

        Map<String, Object> parameters() {
            var row = new HashMap<String, Object>();
            row.put("id", id);
            row.put("name", name);
            row.put("kindLabel", kindLabel);
            row.put("country", country);
            row.put("jurisdiction", jurisdiction);
            row.put("description", description);
            row.put("group", group);
            row.put("estimatedSize", estimatedSize);
            row.put("aliases", aliases);
            return row;
        }
    }

    record Source(
            String id,
            String title,
            String kind,
            @Nullable String url,
            @Nullable String published,
            @Nullable String retrieved,
            @Nullable String licence,
            @Nullable String attribution,
            @Nullable Ref publisher) {

        Source withPublisher(UnaryOperator<Ref> resolve) {
            return publisher == null
                    ? this
                    : new Source(
                            id, title, kind, url, published, retrieved, licence, attribution, resolve.apply(publisher));
        }

        Map<String, Object> parameters() {
            var row = new HashMap<String, Object>();
            row.put("id", id);
            row.put("title", title);
            row.put("kind", kind);
            row.put("url", url);
            row.put("published", published);
            row.put("retrieved", retrieved);
            row.put("licence", licence);
            row.put("attribution", attribution);
            row.put("publisher", publisher == null ? null : publisher.id());
            return row;
        }
    }

    record Category(
            String id,
            @Nullable String name,
            @Nullable String origin,
            @Nullable String description) {

        private static <T> @Nullable T either(@Nullable T value, @Nullable T otherwise) {
            return value != null ? value : otherwise;
        }

        Map<String, Object> parameters() {
            var row = new HashMap<String, Object>();
            row.put("id", id);
            row.put("name", name);
            row.put("origin", origin);
            row.put("description", description);
            return row;
        }
    }

    /** A flow; {@code properties} are the flow node's own (purpose, dates, counts…), in the mapping's order. */
    record Flow(
            String id,
            Ref from,
            Ref to,
            List<Category> categories,
            @Nullable String via,
            String source,
            String quote,
            Map<String, @Nullable Object> properties) {

        Flow withQuote(String other) {
            return new Flow(id, from, to, categories, via, source, other, properties);
        }

        Flow withEnds(UnaryOperator<Ref> resolve) {
            return new Flow(id, resolve.apply(from), resolve.apply(to), categories, via, source, quote, properties);
        }

        /** The parameters, with ends as messages show them (resolved or not). */
        Map<String, Object> shown() {
            return parameters(from.text(), to.text());
        }

        Map<String, Object> parameters() {
            return parameters(from.id(), to.id());
        }

        private Map<String, Object> parameters(String fromId, String toId) {
            var row = new HashMap<String, Object>();
            row.put("id", id);
            row.put("from", fromId);
            row.put("to", toId);
            row.put("categories", categories.stream().map(Category::parameters).toList());
            row.put("via", via);
            row.put("source", source);
            row.put("quote", quote);
            row.put("properties", properties);
            return row;
        }
    }

    /** A published policy; its publisher is asked for by name. */
    record Policy(
            String id,
            String title,
            String publisher,
            List<String> prohibitedUses,
            @Nullable String description,
            @Nullable String effective,
            @Nullable String url,
            String quote,
            String source) {

        Map<String, Object> parameters(String publisherId) {
            var row = new HashMap<String, Object>();
            row.put("id", id);
            row.put("title", title);
            row.put("publisher", publisherId);
            row.put("prohibitedUses", prohibitedUses);
            row.put("description", description);
            row.put("effective", effective);
            row.put("url", url);
            row.put("quote", quote);
            row.put("source", source);
            return row;
        }
    }
}
