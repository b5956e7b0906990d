package org.dataflowatlas.evidence;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.graph.Existence;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Texts;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sources, the evidence behind facts, events and statements: loaded for many parents at once; written evidence-first. */
@Service
@Transactional(readOnly = true)
public class EvidenceService {

    private final AuditTrail audit;

    private final EvidenceRepository repository;
    private final EvidenceWrites writes;
    private final EvidenceChecks checks;
    private final Existence existence;

    EvidenceService(
            EvidenceRepository repository,
            EvidenceWrites writes,
            EvidenceChecks checks,
            Existence existence,
            AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.writes = writes;
        this.checks = checks;
        this.existence = existence;
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

    Map<String, Organization> publishers(Collection<String> sourceIds) {
        return repository.publishers(sourceIds);
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

    @Transactional
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
        var publishedBy = input.publishedBy() == null ? null : Ids.checkSlug("input.publishedBy", input.publishedBy());
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

    @Transactional
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
