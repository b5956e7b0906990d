package org.dataflowatlas.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.graph.Existence;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The rule every write shares: no fact without at least one existing source and the passage that supports it. */
@Component
public class EvidenceChecks {

    public static final int MAX_QUOTE = 5_000;

    private final Existence existence;

    EvidenceChecks(Existence existence) {
        this.existence = existence;
    }

    /** Validates and normalises the items; sources must exist (NOT_FOUND otherwise). */
    public List<Map<String, String>> check(String field, @Nullable List<EvidenceInput> evidence) {
        if (evidence == null || evidence.isEmpty()) {
            throw new InvalidInputException(field + " must list at least one item {source, quote}: every fact needs a"
                    + " source (add it first with addSource) and the passage of it that supports the fact.");
        }
        var items = new ArrayList<Map<String, String>>();
        for (int i = 0; i < evidence.size(); i++) {
            var item = evidence.get(i);
            var source = Ids.checkSlug(field + "[" + i + "].source", item.source());
            var quote = Texts.required(field + "[" + i + "].quote", item.quote(), MAX_QUOTE);
            items.add(Map.of("source", source, "quote", quote));
        }
        existence.requireAll(Map.of(
                "Source",
                items.stream().map(item -> item.get("source")).distinct().toList()));
        return items;
    }

    /** For the audit trail: the subject, the other ids given, then the sources of the checked items. */
    public static List<String> touched(String subject, List<Map<String, String>> items, String... others) {
        var ids = new ArrayList<String>();
        ids.add(subject);
        ids.addAll(List.of(others));
        items.forEach(item -> ids.add(item.get("source")));
        return ids;
    }
}
