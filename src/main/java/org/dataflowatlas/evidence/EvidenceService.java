package org.dataflowatlas.evidence;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.graph.CanonicalIds;
import org.dataflowatlas.graph.Existence;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Texts;
import org.dataflowatlas.graph.WriteTransaction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sources, the evidence behind facts, events and statements: loaded for many parents at once;
 * written evidence-first, everything checked before the write, audited in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceService {

    /** What an event may involve and a statement may be about: any kind of entity with an id. */
    static final List<String> ENTITY_LABELS = List.of(
            "Organization",
            "Person",
            "Product",
            "DataCategory",
            "DataFlow",
            "Event",
            "Statement",
            "Policy",
            "Agreement",
            "Source");

    private final AuditTrail audit;

    private final EvidenceRepository repository;
    private final EvidenceWrites writes;
    private final EvidenceChecks checks;
    private final Existence existence;
    private final Retractions retractions;
    private final CanonicalIds canonicalIds;

    EvidenceService(
            EvidenceRepository repository,
            EvidenceWrites writes,
            EvidenceChecks checks,
            Existence existence,
            Retractions retractions,
            CanonicalIds canonicalIds,
            AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.writes = writes;
        this.checks = checks;
        this.existence = existence;
        this.retractions = retractions;
        this.canonicalIds = canonicalIds;
    }

    public Optional<Event> event(String id) {
        return Optional.ofNullable(repository.events(List.of(id)).get(id));
    }

    public Optional<Statement> statement(String id) {
        return Optional.ofNullable(repository.statements(List.of(id)).get(id));
    }

    public Map<String, List<Evidence>> forAgreements(Collection<String> agreementIds) {
        return repository.evidenceOf(EvidenceRepository.Subject.Agreement, agreementIds);
    }

    Map<String, List<Evidence>> forStatements(Collection<String> statementIds) {
        return repository.statementEvidence(statementIds);
    }

    Map<String, Retraction> eventRetractions(Collection<String> ids) {
        return retractions.retractionsOf(Retractions.NodeFact.Event, ids);
    }

    Map<String, Retraction> statementRetractions(Collection<String> ids) {
        return retractions.retractionsOf(Retractions.NodeFact.Statement, ids);
    }

    /** Evidence per flow id; a flow without evidence is absent from the map. */
    public Map<String, List<Evidence>> forFlows(Collection<String> flowIds) {
        return repository.evidenceOf(EvidenceRepository.Subject.DataFlow, flowIds);
    }

    public Map<String, List<Evidence>> forEvents(Collection<String> eventIds) {
        return repository.evidenceOf(EvidenceRepository.Subject.Event, eventIds);
    }

    public Map<String, List<Evidence>> forPolicies(Collection<String> policyIds) {
        return repository.evidenceOf(EvidenceRepository.Subject.Policy, policyIds);
    }

    public Optional<Source> source(String id) {
        return Optional.ofNullable(repository.sources(List.of(id)).get(id));
    }

    Map<String, List<Source>> cites(Collection<String> sourceIds) {
        return repository.cites(sourceIds);
    }

    Map<String, List<Source>> citedBy(Collection<String> sourceIds) {
        return repository.citedBy(sourceIds);
    }

    Map<String, List<EvidencedFact>> evidenced(Collection<String> sourceIds) {
        return repository.evidenced(sourceIds);
    }

    Map<String, List<Statement>> statementsIn(Collection<String> sourceIds) {
        return repository.statementsIn(sourceIds);
    }

    Map<String, List<Object>> involved(Collection<String> eventIds) {
        return repository.involved(eventIds);
    }

    Map<String, Object> speakers(Collection<String> statementIds) {
        return repository.speakers(statementIds);
    }

    Map<String, List<Object>> about(Collection<String> statementIds) {
        return repository.about(statementIds);
    }

    Map<String, List<Source>> reportedIn(Collection<String> statementIds) {
        return repository.reportedIn(statementIds);
    }

    @WriteTransaction
    public Source addSource(SourceInput input) {
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("id", Ids.checkSlug("input.id", input.id()));
        parameters.put("title", Texts.required("input.title", input.title(), 1_000));
        parameters.put("kind", input.kind().name());
        parameters.put("url", checkUrl(input.url()));
        parameters.put(
                "published",
                input.published() == null ? null : input.published().text());
        parameters.put("description", Texts.optional("input.description", input.description(), 5_000));
        var publishedBy = input.publishedBy() == null
                ? null
                : canonicalIds.of(Ids.checkSlug("input.publishedBy", input.publishedBy()));
        parameters.put("publishedBy", publishedBy);
        var cites = input.cites() == null ? List.<String>of() : input.cites();
        for (int i = 0; i < cites.size(); i++) {
            Ids.checkSlug("input.cites[" + i + "]", cites.get(i));
            if (cites.get(i).equals(input.id())) {
                throw new InvalidInputException("input.cites[" + i + "]: a source cannot cite itself.");
            }
        }
        parameters.put("cites", cites);
        existence.requireAll(Map.of(
                "Organization",
                publishedBy == null ? List.of() : List.of(publishedBy),
                "Source",
                new LinkedHashSet<>(cites)));
        var source = writes.addSource(parameters);
        audit.record("addSource", List.of(source.id()), null);
        return source;
    }

    @WriteTransaction
    public Object addEvidence(String target, List<EvidenceInput> evidence) {
        Ids.checkSlug("target", target);
        var items = checks.check("evidence", evidence);
        var subject = writes.targetOf(target)
                .orElseThrow(() -> new NotFoundException("No flow, event or policy '" + target
                        + "' takes evidence. Check the id (flows(…), search(text: …) find it)."));
        var result = writes.addEvidence(subject, target, items);
        audit.record("addEvidence", EvidenceChecks.touched(target, items), null);
        return result;
    }

    @WriteTransaction
    public Event recordEvent(EventInput input) {
        var id = Ids.checkSlug("input.id", input.id());
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("id", id);
        parameters.put("title", Texts.required("input.title", input.title(), 1_000));
        parameters.put("date", input.date() == null ? null : input.date().text());
        parameters.put("description", Texts.optional("input.description", input.description(), 5_000));
        var involves = references("input.involves", input.involves());
        involves.forEach((ref, label) -> {
            if (ref.equals(id) && label.equals("Event")) {
                throw new InvalidInputException("input.involves names the event '" + id + "' itself.");
            }
        });
        parameters.put("involves", asRows(involves));
        var evidence = checks.check("input.evidence", input.evidence());
        parameters.put("evidence", evidence);
        var event = writes.recordEvent(parameters);
        audit.record(
                "recordEvent",
                EvidenceChecks.touched(id, evidence, involves.keySet().toArray(String[]::new)),
                null);
        return event;
    }

    @WriteTransaction
    public Event retractEvent(String id, String reason, List<EvidenceInput> evidence) {
        Ids.checkSlug("id", id);
        if (repository.events(List.of(id)).isEmpty()) {
            throw new NotFoundException("No event '" + id + "'. Find it with timeline(entity: …) or search(text: …).");
        }
        var why = Texts.required("reason", reason, 5_000);
        var items = checks.check("evidence", evidence);
        var node = retractions
                .retractNode(Retractions.NodeFact.Event, id, why, items)
                .orElseThrow();
        audit.record("retractEvent", EvidenceChecks.touched(id, items), why);
        return Event.of(node);
    }

    @WriteTransaction
    public Statement recordStatement(StatementInput input) {
        var id = Ids.checkSlug("input.id", input.id());
        Ids.checkSlug("input.by", input.by());
        var text = Texts.required("input.text", input.text(), 5_000);
        var by = canonicalIds.of(input.by());
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("id", id);
        parameters.put("text", text);
        parameters.put("paraphrase", input.paraphrase());
        parameters.put("date", input.date() == null ? null : input.date().text());
        parameters.put("description", Texts.optional("input.description", input.description(), 5_000));
        var reportedIn = checks.check("input.reportedIn", input.reportedIn());
        parameters.put("reportedIn", reportedIn);
        var speaker = existence
                .requireOneLabel("input.by", List.of(by), List.of("Person", "Organization"))
                .get(by);
        parameters.put("speaker", by);
        parameters.put("speakerLabel", speaker);
        var about = references("input.about", input.about());
        parameters.put("about", asRows(about));

        var existing = repository.statements(List.of(id)).get(id);
        writes.speakerOf(id).filter(other -> !other.equals(by)).ifPresent(other -> {
            throw new InvalidInputException("input.id '" + id + "' is already a statement by '" + other
                    + "'; choose another id for what '" + by + "' said.");
        });
        boolean paraphrase =
                input.paraphrase() != null ? input.paraphrase() : existing != null && existing.paraphrase();
        if (!paraphrase) {
            for (int i = 0; i < reportedIn.size(); i++) {
                requireVerbatim(text, reportedIn.get(i).get("quote"), "input.reportedIn[" + i + "].quote");
            }
            if (existing != null && !existing.text().equals(text)) {
                for (var quote : writes.reportedQuotes(id)) {
                    requireVerbatim(text, quote, "a passage already recorded for '" + id + "'");
                }
            }
        }
        var statement = writes.recordStatement(parameters);
        var touched = new ArrayList<String>(List.of(by));
        touched.addAll(about.keySet());
        audit.record("recordStatement", EvidenceChecks.touched(id, reportedIn, touched.toArray(String[]::new)), null);
        return statement;
    }

    @WriteTransaction
    public Statement retractStatement(String id, String reason, List<EvidenceInput> evidence) {
        Ids.checkSlug("id", id);
        if (repository.statements(List.of(id)).isEmpty()) {
            throw new NotFoundException("No statement '" + id + "'. Find it with search(text: …).");
        }
        var why = Texts.required("reason", reason, 5_000);
        var items = checks.check("evidence", evidence);
        var node = retractions
                .retractNode(Retractions.NodeFact.Statement, id, why, items)
                .orElseThrow();
        audit.record("retractStatement", EvidenceChecks.touched(id, items), why);
        return Statement.of(node);
    }

    @WriteTransaction
    public Source recordCitation(String source, List<String> cites) {
        Ids.checkSlug("source", source);
        if (cites.isEmpty()) {
            throw new InvalidInputException("cites must list at least one source that '" + source + "' cites.");
        }
        var cited = new LinkedHashSet<String>();
        for (int i = 0; i < cites.size(); i++) {
            cited.add(Ids.checkSlug("cites[" + i + "]", cites.get(i)));
            if (cites.get(i).equals(source)) {
                throw new InvalidInputException("cites[" + i + "]: a source cannot cite itself.");
            }
        }
        var all = new LinkedHashSet<String>(List.of(source));
        all.addAll(cited);
        existence.requireAll(Map.of("Source", all));
        var result = writes.cite(source, List.copyOf(cited));
        audit.record("recordCitation", List.copyOf(all), null);
        return result;
    }

    @WriteTransaction
    public RetractedLink retractCitation(String source, String cited, String reason, List<EvidenceInput> evidence) {
        Ids.checkSlug("source", source);
        Ids.checkSlug("cited", cited);
        var why = Texts.required("reason", reason, 5_000);
        var items = checks.check("evidence", evidence);
        var fact = Retractions.RelationshipFact.CITES;
        if (!retractions.retractRelationship(fact, source, cited, Map.of(), why, items)) {
            throw new NotFoundException("No citation of '" + cited + "' by '" + source + "'. See what it cites with"
                    + " source(id: \"" + source + "\") { cites { id } }.");
        }
        audit.record("retractCitation", EvidenceChecks.touched(source, items, cited), why);
        var retracted = retractions.retracted(fact, source, cited, Map.of()).orElseThrow();
        return new RetractedLink(
                RetractedLink.LinkType.CITES,
                Source.of(retracted.from()),
                Source.of(retracted.to()),
                retracted.retraction());
    }

    /** Ids that may name any kind of entity, each with its label; the ids of merged organizations find the one kept. */
    private Map<String, String> references(String field, @Nullable List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            Ids.checkSlug(field + "[" + i + "]", ids.get(i));
        }
        var canonical = new LinkedHashSet<>(canonicalIds.of(ids).values());
        return existence.requireOneLabel(field, canonical, ENTITY_LABELS);
    }

    private static List<Map<String, String>> asRows(Map<String, String> labelsById) {
        var rows = new ArrayList<Map<String, String>>();
        labelsById.forEach((id, label) -> rows.add(Map.of("id", id, "label", label)));
        return rows;
    }

    /** A statement recorded as said appears word for word (white space aside) in the passage reporting it. */
    private static void requireVerbatim(String text, String quote, String field) {
        if (!normalized(quote).contains(normalized(text))) {
            throw new InvalidInputException(field + " does not contain input.text word for word. Give the passage in"
                    + " which the source reports exactly these words, or, if the source only paraphrases them, set"
                    + " paraphrase: true.");
        }
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static @Nullable String checkUrl(@Nullable String url) {
        var text = Texts.optional("input.url", url, 2_000);
        if (text == null) {
            return null;
        }
        try {
            var uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new InvalidInputException("input.url '" + Texts.abbreviate(text)
                + "' is not an http(s) address; give the full address, e.g. https://example.org/report.pdf.");
    }
}
