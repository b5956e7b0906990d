package org.dataflowatlas.importer;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.graph.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema/mapping.schema.json, the one statement of what a mapping may say: every mapping is
 * validated against it before it is read, so a key the schema does not list is refused however the
 * Java reads it. Its first problem becomes a {@link MappingException} in the mapping's own terms.
 */
final class MappingSchema {

    /** Where the build puts schema/mapping.schema.json on the classpath (and in the jar). */
    static final String RESOURCE = "schema/mapping.schema.json";

    private static final String SEE = " (see schema/mapping.schema.json).";

    // Problems about the shape of a mapping come before problems about one value.
    private static final List<String> KEYWORD_ORDER = List.of("type", "additionalProperties", "required");

    private final JsonNode document;
    private final Schema schema;

    private MappingSchema(JsonNode document) {
        this.document = document;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(document);
    }

    private static final class Shipped {
        static final MappingSchema SCHEMA = load();

        private static MappingSchema load() {
            try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
                return new MappingSchema(JsonMapper.shared().readTree(in));
            } catch (IOException ex) {
                throw new UncheckedIOException("The mapping schema " + RESOURCE + " is missing from the build", ex);
            }
        }
    }

    static MappingSchema shipped() {
        return Shipped.SCHEMA;
    }

    /** A schema from a document of the same form (tests change the shipped one to show it decides). */
    static MappingSchema of(JsonNode document) {
        return new MappingSchema(document);
    }

    /** Throws the mapping's first problem, if it has one; {@code where} names the mapping file. */
    void check(String where, JsonNode mapping) {
        var errors = schema.validate(mapping);
        if (errors.isEmpty()) {
            return;
        }
        var first = applicable(errors).stream()
                .min(Comparator.comparingInt(
                                (Error error) -> error.getInstanceLocation().getNameCount())
                        .thenComparingInt(MappingSchema::rank))
                .orElseThrow();
        throw new MappingException(message(where, first));
    }

    /**
     * The errors of the alternatives that apply: where a value may be one of several shapes
     * ({@code oneOf}, e.g. a flow's end as an id or as an organization), a shape of another type
     * than the value does not apply, and "valid to none of them" says less than what is wrong
     * with the one that does.
     */
    private static List<Error> applicable(List<Error> errors) {
        var alternatives = errors.stream()
                .filter(error -> error.getKeyword().equals("oneOf"))
                .map(Error::getInstanceLocation)
                .toList();
        var inapplicable = new ArrayList<String>();
        for (var error : errors) {
            var branch = branch(error.getEvaluationPath().toString());
            if (branch != null
                    && error.getKeyword().equals("type")
                    && alternatives.contains(error.getInstanceLocation())) {
                inapplicable.add(branch);
            }
        }
        var applicable = errors.stream()
                .filter(error -> !error.getKeyword().equals("oneOf"))
                .filter(error -> inapplicable.stream()
                        .noneMatch(
                                branch -> error.getEvaluationPath().toString().startsWith(branch)))
                .toList();
        return applicable.isEmpty() ? errors : applicable;
    }

    /** The innermost alternative an evaluation path goes through ("…/oneOf/1/"), if any. */
    private static @Nullable String branch(String evaluation) {
        int at = evaluation.lastIndexOf("/oneOf/");
        if (at < 0) {
            return null;
        }
        int end = at + "/oneOf/".length();
        while (end < evaluation.length() && Character.isDigit(evaluation.charAt(end))) {
            end++;
        }
        return evaluation.substring(0, end) + "/";
    }

    private static int rank(Error error) {
        int rank = KEYWORD_ORDER.indexOf(error.getKeyword());
        return rank < 0 ? KEYWORD_ORDER.size() : rank;
    }

    private String message(String where, Error error) {
        var at = error.getInstanceLocation();
        var place = place(where, at, false);
        switch (error.getKeyword()) {
            case "additionalProperties" -> {
                return place + ": unknown key '" + error.getProperty() + "'; allowed are " + allowedKeys(error) + SEE;
            }
            case "required" -> {
                return place + ": '" + error.getProperty() + "' is required.";
            }
            case "type" -> {
                var expected = error.getSchemaNode().asString();
                if (expected.equals("object")) {
                    return place + " must be a map of keys to values.";
                }
                if (expected.equals("array")) {
                    return place + " must be a list.";
                }
            }
            case "pattern" -> {
                var value = error.getInstanceNode();
                if (value != null && value.isString()) {
                    try {
                        Ids.checkSlug(place(where, at, true), value.asString());
                    } catch (InvalidInputException ex) {
                        return ex.getMessage();
                    }
                }
            }
            default -> {
                // the schema's own words, below
            }
        }
        var text = error.getMessage();
        var prefix = at.toString() + ": ";
        if (text.startsWith(prefix)) {
            text = text.substring(prefix.length());
        }
        return place(where, at, true) + ": " + text + SEE;
    }

    /**
     * A place in the mapping as its messages name it: "bad.yaml: tables[0].flows". With {@code exact}
     * every list index is given; without, only a table's (an item's key is named, not its position).
     */
    private static String place(String where, NodePath at, boolean exact) {
        var out = new StringBuilder();
        String previous = null;
        for (int i = 0; i < at.getNameCount(); i++) {
            var element = at.getElement(i);
            if (element instanceof Integer index) {
                if (exact || "tables".equals(previous)) {
                    out.append('[').append(index).append(']');
                }
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(element);
                previous = String.valueOf(element);
            }
        }
        return out.isEmpty() ? where : where + ": " + out;
    }

    /** The keys the schema allows where an additionalProperties error was found, sorted. */
    private List<String> allowedKeys(Error error) {
        var fragment = error.getSchemaLocation().getFragment();
        var pointer = new StringBuilder();
        // The object schema holding "additionalProperties": the location without its last step.
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            pointer.append('/').append(escape(String.valueOf(fragment.getElement(i))));
        }
        var properties = document.at(JsonPointer.compile(pointer.toString())).path("properties");
        var keys = new ArrayList<>(properties.propertyNames());
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    private static String escape(String step) {
        return step.replace("~", "~0").replace("/", "~1");
    }
}
