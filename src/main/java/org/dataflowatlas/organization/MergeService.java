package org.dataflowatlas.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.evidence.EvidenceChecks;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Texts;
import org.dataflowatlas.graph.WriteTransaction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * One organization recorded twice becomes one: every relationship of the duplicate moves to the
 * organization kept, the duplicate's name and aliases become aliases, and its id keeps resolving
 * (see {@link OrganizationService#canonicalIds}). A merge that would lose information is refused
 * with everything that stands in its way, before anything is written.
 */
@Service
public class MergeService {

    /** Properties that merge rather than conflict: names become aliases, lists are joined. */
    private static final Set<String> JOINED = Set.of("id", "name", "aliases", "jurisdictions");

    /** Evidence and bookkeeping of a relationship: joined when the same fact is on both. */
    private static final Set<String> EVIDENCE =
            Set.of("sources", "quotes", "quote", "retractionSources", "retractionQuotes", "retractedAt", "mergedAt");

    /** Properties that tell two facts of one type between the same nodes apart. */
    private static final List<String> FACT_KEYS = List.of("title", "type");

    private static final int MAX_LISTED = 8;

    private final MergeWrites writes;
    private final OrganizationService organizations;
    private final EvidenceChecks evidenceChecks;
    private final AuditTrail audit;

    MergeService(
            MergeWrites writes, OrganizationService organizations, EvidenceChecks evidenceChecks, AuditTrail audit) {
        this.writes = writes;
        this.organizations = organizations;
        this.evidenceChecks = evidenceChecks;
        this.audit = audit;
    }

    @WriteTransaction
    public Organization merge(String keep, String duplicate, String reason, List<EvidenceInput> evidence) {
        Ids.checkSlug("keep", keep);
        Ids.checkSlug("duplicate", duplicate);
        if (keep.equals(duplicate)) {
            throw new InvalidInputException("keep and duplicate are both '" + keep
                    + "': name the organization that stays and the one recorded twice.");
        }
        var why = Texts.required("reason", reason, 5_000);
        var items = evidenceChecks.check("evidence", evidence);
        var canonical = organizations.canonicalIds(List.of(keep, duplicate));
        var keepId = canonical.get(keep);
        var duplicateId = canonical.get(duplicate);
        var found = organizations.findAll(List.of(keepId, duplicateId));
        var missing = new ArrayList<String>();
        if (!found.containsKey(keepId)) {
            missing.add("keep '" + keep + "'");
        }
        if (!found.containsKey(duplicateId)) {
            missing.add("duplicate '" + duplicate + "'");
        }
        if (!missing.isEmpty()) {
            throw new NotFoundException("No organization for " + String.join(" and ", missing)
                    + ". Check the ids with organization(id: …) or search(text: …).");
        }
        if (keepId.equals(duplicateId)) {
            // Already one organization: sending the same merge again changes nothing.
            audit.record("mergeOrganizations", EvidenceChecks.touched(keepId, items, duplicate), "already merged");
            return found.get(keepId);
        }

        organizations.mergedInto(duplicateId).ifPresent(earlier -> {
            throw new InvalidInputException("'" + duplicateId + "' names an organization and also the record of one"
                    + " merged into '" + earlier + "' before (an import may have recreated it under the old id), so it"
                    + " cannot be merged under that id. Record its facts on '" + earlier + "' instead.");
        });
        var nodes = writes.nodes(keepId, duplicateId);
        var keepLinks = writes.relationships(keepId);
        var duplicateLinks = writes.relationships(duplicateId);
        var conflicts = new ArrayList<String>();
        propertyConflicts(nodes, keepId, duplicateId, conflicts);
        kindConflict(found.get(keepId), found.get(duplicateId), conflicts);
        for (var flow : writes.flowsBetween(keepId, duplicateId)) {
            conflicts.add("flow '" + flow + "' runs between the two and would run from '" + keepId
                    + "' to itself: retract it (retractFlow) if it is wrong, or record it with other ends");
        }
        var moves = moves(keepId, duplicateId, keepLinks, duplicateLinks, conflicts);
        if (!conflicts.isEmpty()) {
            var listed = conflicts.size() > MAX_LISTED ? conflicts.subList(0, MAX_LISTED) : conflicts;
            throw new InvalidInputException("Merging '" + duplicateId + "' into '" + keepId
                    + "' would lose information, so nothing was merged: " + String.join("; ", listed)
                    + (conflicts.size() > MAX_LISTED ? "; and " + (conflicts.size() - MAX_LISTED) + " more" : "")
                    + ". Resolve each, then merge again.");
        }

        writes.move(keepId, moves);
        writes.finish(finishing(nodes, keepId, duplicateId, found.get(keepId), found.get(duplicateId), why, items));
        audit.record(
                "mergeOrganizations",
                EvidenceChecks.touched(keepId, items, duplicateId),
                why + " (" + moves.size() + (moves.size() == 1 ? " relationship" : " relationships") + " moved from '"
                        + duplicateId + "')");
        return organizations.findAll(List.of(keepId)).get(keepId);
    }

    /** Fields both hold with different values; the names and lists are joined instead. */
    private static void propertyConflicts(
            MergeWrites.Nodes nodes, String keepId, String duplicateId, List<String> conflicts) {
        new TreeMap<>(nodes.duplicate()).forEach((key, value) -> {
            if (JOINED.contains(key) || value == null) {
                return;
            }
            var kept = nodes.keep().get(key);
            if (kept != null && !kept.equals(value)) {
                conflicts.add(key + " differs ('" + keepId + "' has " + shown(kept) + ", '" + duplicateId + "' has "
                        + shown(value) + "): make them agree first (upsertOrganization on either)");
            }
        });
    }

    private static void kindConflict(Organization keep, Organization duplicate, List<String> conflicts) {
        if (keep.kind() != null && duplicate.kind() != null && keep.kind() != duplicate.kind()) {
            conflicts.add("kind differs ('" + keep.id() + "' is " + keep.kind() + ", '" + duplicate.id() + "' is "
                    + duplicate.kind() + "): give both the right kind first (upsertOrganization with kind)");
        }
    }

    /**
     * One move per relationship of the duplicate: onto the same fact of keep when keep has it (same
     * type, direction, other end and distinguishing keys), else re-created on keep. Relationships
     * between the two, and the same fact on both with different details, are conflicts.
     */
    private static List<Map<String, @Nullable Object>> moves(
            String keepId,
            String duplicateId,
            List<MergeWrites.Link> keepLinks,
            List<MergeWrites.Link> duplicateLinks,
            List<String> conflicts) {
        var keepByFact = new HashMap<List<Object>, MergeWrites.Link>();
        keepLinks.forEach(link -> keepByFact.putIfAbsent(factOf(link), link));
        var moves = new ArrayList<Map<String, @Nullable Object>>();
        var seen = new LinkedHashSet<String>();
        for (var link : duplicateLinks) {
            if (!seen.add(link.rel())) {
                continue;
            }
            if (link.otherLabels().contains("Organization") && link.otherId().equals(keepId)) {
                conflicts.add("'" + (link.outgoing() ? duplicateId : keepId) + "' " + link.type() + " '"
                        + (link.outgoing() ? keepId : duplicateId) + "', which would then join '" + keepId
                        + "' to itself: retract it first if it is wrong");
                continue;
            }
            var move = new HashMap<String, @Nullable Object>();
            move.put("rel", link.rel());
            move.put("type", link.type());
            move.put("outgoing", link.outgoing());
            move.put("other", link.other());
            var same = keepByFact.get(factOf(link));
            if (same == null) {
                move.put("target", null);
                move.put("properties", Map.of());
            } else {
                move.put("target", same.rel());
                move.put("properties", joined(same, link, keepId, duplicateId, conflicts));
            }
            moves.add(move);
        }
        return moves;
    }

    private static List<Object> factOf(MergeWrites.Link link) {
        var fact = new ArrayList<Object>(List.of(link.type(), link.outgoing(), link.other()));
        FACT_KEYS.forEach(key -> fact.add(String.valueOf(link.properties().get(key))));
        return fact;
    }

    /** The properties keep's copy of the fact gains: what only the duplicate's has, and the evidence of both. */
    private static Map<String, Object> joined(
            MergeWrites.Link kept,
            MergeWrites.Link duplicate,
            String keepId,
            String duplicateId,
            List<String> conflicts) {
        var gained = new LinkedHashMap<String, Object>();
        duplicate.properties().forEach((key, value) -> {
            if (EVIDENCE.contains(key)) {
                return;
            }
            var mine = kept.properties().get(key);
            if (mine == null) {
                gained.put(key, value);
            } else if (!mine.equals(value)) {
                conflicts.add("both have " + duplicate.type() + " " + (duplicate.outgoing() ? "to" : "from") + " '"
                        + duplicate.otherId() + "' with different " + key + " (" + shown(mine) + " for '" + keepId
                        + "', " + shown(value) + " for '" + duplicateId + "'): record the right value on both first, or"
                        + " retract the wrong one");
            }
        });
        joinEvidence(kept.properties(), duplicate.properties(), "sources", "quotes", gained);
        joinEvidence(kept.properties(), duplicate.properties(), "retractionSources", "retractionQuotes", gained);
        return gained;
    }

    /** Source and quote pairs of both, each once; a relationship holding one quote for all its sources counts as pairs. */
    private static void joinEvidence(
            Map<String, Object> kept,
            Map<String, Object> duplicate,
            String sourcesKey,
            String quotesKey,
            Map<String, Object> gained) {
        var pairs = new LinkedHashSet<List<String>>();
        pairs.addAll(pairs(kept, sourcesKey, quotesKey));
        var before = pairs.size();
        pairs.addAll(pairs(duplicate, sourcesKey, quotesKey));
        if (pairs.size() > before) {
            gained.put(sourcesKey, pairs.stream().map(List::getFirst).toList());
            gained.put(quotesKey, pairs.stream().map(List::getLast).toList());
        }
    }

    private static List<List<String>> pairs(Map<String, Object> properties, String sourcesKey, String quotesKey) {
        if (!(properties.get(sourcesKey) instanceof List<?> sources)) {
            return List.of();
        }
        var quotes = properties.get(quotesKey) instanceof List<?> list ? list : null;
        var pairs = new ArrayList<List<String>>();
        for (int i = 0; i < sources.size(); i++) {
            var quote = quotes != null && i < quotes.size() ? quotes.get(i) : properties.get("quote");
            pairs.add(List.of(String.valueOf(sources.get(i)), String.valueOf(quote)));
        }
        return pairs;
    }

    private static Map<String, @Nullable Object> finishing(
            MergeWrites.Nodes nodes,
            String keepId,
            String duplicateId,
            Organization keep,
            Organization duplicate,
            String reason,
            List<Map<String, String>> evidence) {
        var copied = new HashMap<String, Object>();
        nodes.duplicate().forEach((key, value) -> {
            if (!JOINED.contains(key) && value != null && !nodes.keep().containsKey(key)) {
                copied.put(key, value);
            }
        });
        var aliases = new LinkedHashSet<String>(keep.aliases());
        aliases.add(duplicate.name());
        aliases.addAll(duplicate.aliases());
        aliases.remove(keep.name());
        var jurisdictions = new LinkedHashSet<String>(keep.jurisdictions());
        jurisdictions.addAll(duplicate.jurisdictions());
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("keep", keepId);
        parameters.put("duplicate", duplicateId);
        parameters.put("copied", copied);
        parameters.put("aliases", List.copyOf(aliases));
        parameters.put("jurisdictions", List.copyOf(jurisdictions));
        parameters.put(
                "kindLabel",
                keep.kind() == null && duplicate.kind() != null
                        ? duplicate.kind().label()
                        : null);
        parameters.put("reason", reason);
        parameters.put("evidence", evidence);
        return parameters;
    }

    private static String shown(Object value) {
        var text = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        return Texts.abbreviate(text);
    }
}
