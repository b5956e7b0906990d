package org.dataflowatlas.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Checks the inference marks a write sends: each names a field the same input gives (or
 * {@code fact}), once, with a reasoning. The result becomes the {@code inferred} and
 * {@code inferredBecause} parameters of the write statement.
 */
public final class Inferences {

    private Inferences() {}

    /** The checked marks as the two parallel lists stored on the node. */
    public record Marks(List<String> fields, List<String> reasons) {

        public static final Marks NONE = new Marks(List.of(), List.of());
    }

    /**
     * @param path where the marks sit in the request, e.g. {@code input.inferences}
     * @param inferences what the caller sent; null when it sent none
     * @param given every field that may be marked, and whether this input gives a value for it
     * @param what what the whole fact is, for messages (e.g. "flow")
     * @return null when the caller sent no marks (so the stored ones are kept)
     */
    public static @Nullable Marks check(
            String path, @Nullable List<InferenceInput> inferences, Map<String, Boolean> given, String what) {
        if (inferences == null) {
            return null;
        }
        var fields = new ArrayList<String>();
        var reasons = new ArrayList<String>();
        var seen = new LinkedHashSet<String>();
        for (int i = 0; i < inferences.size(); i++) {
            var item = path + "[" + i + "]";
            var field = Texts.required(item + ".field", inferences.get(i).field(), 100);
            if (!field.equals(Inference.FACT) && !given.containsKey(field)) {
                throw new InvalidInputException(item + ".field '" + Texts.abbreviate(field)
                        + "' is not a field of this "
                        + what + ": name one of " + String.join(", ", given.keySet()) + ", or '" + Inference.FACT
                        + "' when the whole " + what + " is inferred.");
            }
            if (!field.equals(Inference.FACT) && !given.get(field)) {
                throw new InvalidInputException(item + ".field '" + field + "' is a value this input does not give:"
                        + " send the value with its mark, or leave the mark out.");
            }
            if (!seen.add(field)) {
                throw new InvalidInputException(
                        item + ".field '" + field + "' is marked twice: give one reasoning per field.");
            }
            fields.add(field);
            reasons.add(Texts.required(item + ".reasoning", inferences.get(i).reasoning(), 5_000));
        }
        return new Marks(List.copyOf(fields), List.copyOf(reasons));
    }
}
