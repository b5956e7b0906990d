package org.dataflowatlas.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.dataflowatlas.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A dataset mapping (YAML in {@code cypher/import/}) read as plain maps, with the checks every reader
 * needs: known keys only, required values present, patterns that compile. A mistake is reported with
 * the mapping's name and the place in it, before any data is read.
 */
final class DatasetMapping {

    private final String where;
    private final Map<String, Object> top;

    private DatasetMapping(String where, Map<String, Object> top) {
        this.where = where;
        this.top = top;
    }

    /** A shipped mapping by name (cypher/import/NAME.yaml, in the checkout or the jar), or a mapping file. */
    static DatasetMapping load(String nameOrFile, String format) {
        String where;
        String text;
        try {
            var file = Path.of(nameOrFile);
            var local = Path.of("cypher/import", nameOrFile + ".yaml");
            var shipped = new ClassPathResource("cypher/import/" + nameOrFile + ".yaml");
            if (nameOrFile.endsWith(".yaml") && Files.isRegularFile(file)) {
                where = file.toString();
                text = Files.readString(file, StandardCharsets.UTF_8);
            } else if (nameOrFile.matches("[a-z0-9-]+") && Files.isRegularFile(local)) {
                where = local.toString();
                text = Files.readString(local, StandardCharsets.UTF_8);
            } else if (nameOrFile.matches("[a-z0-9-]+") && shipped.exists()) {
                where = nameOrFile + ".yaml";
                text = shipped.getContentAsString(StandardCharsets.UTF_8);
            } else {
                throw new InvalidInputException("No mapping '" + nameOrFile + "': give a mapping file (.yaml) or the"
                        + " name of one in cypher/import/.");
            }
        } catch (IOException ex) {
            throw new InvalidInputException("Cannot read mapping " + nameOrFile + ": " + ex.getMessage());
        }
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException ex) {
            throw new InvalidInputException(where + " is not valid YAML: " + ex.getMessage());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new InvalidInputException(where + " must be a YAML mapping of keys to values.");
        }
        var mapping = new DatasetMapping(where, cast(map));
        var declared = mapping.text(mapping.top, "format", "");
        if (!declared.equals(format)) {
            throw new InvalidInputException(where + " is a mapping of format '" + declared + "', not '" + format
                    + "': give it with --format " + (declared.isEmpty() ? "csv" : declared) + ".");
        }
        return mapping;
    }

    String where() {
        return where;
    }

    Map<String, Object> top() {
        return top;
    }

    void allow(Map<String, Object> map, Set<String> keys, String place) {
        for (var key : map.keySet()) {
            if (!keys.contains(key)) {
                throw error(
                        place,
                        "unknown key '" + key + "' (known: "
                                + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    Map<String, Object> map(Map<String, Object> parent, String key) {
        var value = parent.get(key);
        if (!(value instanceof Map<?, ?> map)) {
            throw error(key, "must be a mapping of keys to values");
        }
        return cast(map);
    }

    List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        var value = parent.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw error(key, "must be a list");
        }
        var result = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                throw error(key + "[" + i + "]", "must be a mapping of keys to values");
            }
            result.add(cast(map));
        }
        return result;
    }

    String text(Map<String, Object> parent, String key, String place) {
        var value = optionalText(parent, key, place);
        if (value == null || value.isBlank()) {
            throw error(place.isEmpty() ? key : place + "." + key, "is required");
        }
        return value;
    }

    @Nullable
    String optionalText(Map<String, Object> parent, String key, String place) {
        var value = parent.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw error(place.isEmpty() ? key : place + "." + key, "must be a single value");
    }

    List<String> texts(Map<String, Object> parent, String key, String place) {
        var value = parent.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items) || items.stream().anyMatch(item -> !(item instanceof String))) {
            throw error(place + "." + key, "must be a list of strings");
        }
        return items.stream().map(String.class::cast).toList();
    }

    Pattern pattern(Map<String, Object> parent, String key, String place) {
        var regex = text(parent, key, place);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException ex) {
            throw error(place + "." + key, "is not a regular expression (" + ex.getDescription() + ")");
        }
    }

    <E extends Enum<E>> @Nullable E enumValue(Map<String, Object> parent, String key, Class<E> type, String place) {
        var value = optionalText(parent, key, place);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException ex) {
            throw error(place + "." + key, "'" + value + "' is not one of " + List.of(type.getEnumConstants()));
        }
    }

    InvalidInputException error(String place, String what) {
        return new InvalidInputException("mapping " + where + ": " + place + " " + what + ".");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
