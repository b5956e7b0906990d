package org.dataflowatlas.flow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.evidence.EvidenceChecks;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.evidence.Retraction;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.graph.Connection;
import org.dataflowatlas.graph.Existence;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Inferences;
import org.dataflowatlas.graph.Paging;
import org.dataflowatlas.graph.Texts;
import org.dataflowatlas.graph.WriteTransaction;
import org.dataflowatlas.organization.OrganizationService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flows: reads in read transactions (a cluster routes them to followers), evidence-first writes in
 * write transactions. Every write validates everything first, then writes in one statement.
 */
@Service
@Transactional(readOnly = true)
public class FlowService {

    private final AuditTrail audit;

    private final FlowRepository repository;
    private final FlowWrites writes;
    private final EvidenceChecks evidenceChecks;
    private final Existence existence;
    private final OrganizationService organizations;

    FlowService(
            FlowRepository repository,
            FlowWrites writes,
            EvidenceChecks evidenceChecks,
            Existence existence,
            OrganizationService organizations,
            AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.writes = writes;
        this.evidenceChecks = evidenceChecks;
        this.existence = existence;
        this.organizations = organizations;
    }

    public Optional<DataFlow> find(String id) {
        return Optional.ofNullable(repository.findAllById(List.of(id)).get(id));
    }

    public Map<String, DataFlow> findAll(Collection<String> ids) {
        return repository.findAllById(ids);
    }

    public Connection<DataFlow> list(@Nullable FlowFilter filter, int first, @Nullable String after) {
        Paging.checkFirst(first);
        var afterId = Paging.afterId(after);
        var f = filter == null ? new FlowFilter(null, null, null, null, null, null, null, null, null, null) : filter;
        var parameters = new HashMap<String, @Nullable Object>(
                FlowPredicates.parameters(f.activeOn(), AsOf.of(f.asKnownOn(), f.recordedAsOf())));
        parameters.put("from", f.from());
        parameters.put("to", f.to());
        parameters.put("purposes", names(f.purposes()));
        parameters.put("accessMethods", names(f.accessMethods()));
        parameters.put("categories", f.categories());
        parameters.put("confidences", Confidence.atLeast(f.minConfidence()));
        parameters.put("includeRetracted", Boolean.TRUE.equals(f.includeRetracted()));
        var page = repository.page(parameters, afterId, first + 1);
        return Paging.connection(page.flows(), first, (int) page.total(), afterId != null, DataFlow::id);
    }

    public Map<String, List<DataFlow>> sentBy(Collection<String> organizationIds) {
        return repository.sentBy(organizationIds);
    }

    public Map<String, List<DataFlow>> receivedBy(Collection<String> organizationIds) {
        return repository.receivedBy(organizationIds);
    }

    public Map<String, FlowDetails> detailsOf(Collection<String> flowIds) {
        return repository.detailsOf(flowIds);
    }

    public Map<String, Product> productsOf(Collection<String> flowIds) {
        return repository.productsOf(flowIds);
    }

    /** The current flows under each agreement. */
    public Map<String, List<DataFlow>> coveredBy(Collection<String> agreementIds) {
        return repository.coveredBy(agreementIds);
    }

    public DateSpan dates() {
        return repository.dates();
    }

    public Map<String, Retraction> retractionsOf(Collection<String> flowIds) {
        return repository.retractionsOf(flowIds);
    }

    @WriteTransaction
    public DataFlow record(FlowInput input) {
        Ids.checkSlug("input.from", input.from());
        Ids.checkSlug("input.to", input.to());
        // The ids of organizations merged into others name the ones kept.
        var ends = organizations.canonicalIds(List.of(input.from(), input.to()));
        var from = ends.get(input.from());
        var to = ends.get(input.to());
        if (from.equals(to)) {
            throw new InvalidInputException(
                    "input.from and input.to are both '" + from + "': a flow goes from one organization to another.");
        }
        var product = checkProduct(input.via());
        var id = input.id() != null
                ? Ids.checkSlug("input.id", input.id())
                : Ids.slugify(from + "-to-" + to + "-"
                        + (product != null ? product.get("id") : input.purpose().name()));
        var categories = checkCategories(input.categories());
        checkOrder(input.since(), input.until(), "input.until", "input.since");
        var agreements = input.agreements() == null ? List.<String>of() : input.agreements();
        for (int i = 0; i < agreements.size(); i++) {
            Ids.checkSlug("input.agreements[" + i + "]", agreements.get(i));
        }
        var evidence = evidenceChecks.check("input.evidence", input.evidence());
        var inferences = Inferences.check("input.inferences", input.inferences(), markable(input), "flow");

        var organizations = new LinkedHashSet<>(List.of(from, to));
        if (product != null && product.get("offeredBy") != null) {
            organizations.add((String) product.get("offeredBy"));
        }
        var parents = new LinkedHashSet<String>();
        categories.forEach(c -> parents.addAll(derivedFrom(c)));
        categories.forEach(c -> parents.remove((String) c.get("id")));
        existence.requireAll(Map.of("Organization", organizations, "DataCategory", parents, "Agreement", agreements));

        var existing = writes.ends(id);
        if (existing != null
                && (!existing.fromId().equals(from) || !existing.toId().equals(to))) {
            throw new InvalidInputException(
                    "input.id '" + id + "' is already the flow from '" + existing.fromId() + "' to '" + existing.toId()
                            + "'; choose another id for a flow from '" + from + "' to '" + to + "'.");
        }
        var newCategories = existence
                .missing(Map.of(
                        "DataCategory",
                        categories.stream().map(c -> (String) c.get("id")).toList()))
                .getOrDefault("DataCategory", Set.of());
        for (int i = 0; i < categories.size(); i++) {
            if (newCategories.contains((String) categories.get(i).get("id"))
                    && categories.get(i).get("name") == null) {
                throw new InvalidInputException(
                        "input.categories[" + i + "] '" + categories.get(i).get("id")
                                + "' is a new category: give it a name (and an origin, the organization whose users produced it).");
            }
        }
        if (product != null
                && product.get("name") == null
                && existence
                        .missing(Map.of("Product", List.of((String) product.get("id"))))
                        .containsKey("Product")) {
            throw new InvalidInputException("input.via '" + product.get("id") + "' is a new product: give it a name"
                    + " (and offeredBy, the organization that offers it).");
        }

        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("id", id);
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("purpose", input.purpose().name());
        parameters.put("accessMethod", input.accessMethod().name());
        parameters.put("realTime", Boolean.TRUE.equals(input.realTime()));
        parameters.put("since", input.since() == null ? null : input.since().text());
        parameters.put("until", input.until() == null ? null : input.until().text());
        parameters.put("confidence", input.confidence().name());
        parameters.put("description", Texts.optional("input.description", input.description(), 5_000));
        parameters.put("categories", categories);
        parameters.put("product", product);
        parameters.put("agreements", agreements);
        parameters.put("evidence", evidence);
        parameters.put("inferred", inferences == null ? null : inferences.fields());
        parameters.put("inferredBecause", inferences == null ? null : inferences.reasons());
        var derived = categories.stream()
                .filter(category -> !derivedFrom(category).isEmpty())
                .map(category -> (String) category.get("id"))
                .toList();
        var flow = writes.record(parameters, derived);
        audit.record("recordFlow", EvidenceChecks.touched(flow.id(), evidence, from, to), null);
        return flow;
    }

    @WriteTransaction
    public DataFlow end(String id, PartialDate until, List<EvidenceInput> evidence) {
        var existing = requireFlow(id);
        if (existing.since() != null) {
            checkOrder(PartialDate.parse(existing.since()), until, "until", "the flow's since");
        }
        var items = evidenceChecks.check("evidence", evidence);
        var flow = writes.end(id, until.text(), items);
        audit.record("endFlow", EvidenceChecks.touched(id, items), "until " + until.text());
        return flow;
    }

    @WriteTransaction
    public DataFlow retract(String id, String reason, List<EvidenceInput> evidence) {
        requireFlow(id);
        var why = Texts.required("reason", reason, 5_000);
        var items = evidenceChecks.check("evidence", evidence);
        var flow = writes.retract(id, why, items);
        audit.record("retractFlow", EvidenceChecks.touched(id, items), why);
        return flow;
    }

    private FlowWrites.Ends requireFlow(String id) {
        Ids.checkSlug("id", id);
        var existing = writes.ends(id);
        if (existing == null) {
            throw new NotFoundException("No flow '" + id + "'. Look it up with flows(filter: {from: …, to: …}).");
        }
        return existing;
    }

    /** The fields of a flow input that can be marked inferred, and whether this input gives each. */
    private static Map<String, Boolean> markable(FlowInput input) {
        var given = new LinkedHashMap<String, Boolean>();
        given.put("from", true);
        given.put("to", true);
        given.put("categories", true);
        given.put("via", input.via() != null);
        given.put("purpose", true);
        given.put("accessMethod", true);
        given.put("realTime", true);
        given.put("since", input.since() != null);
        given.put("until", input.until() != null);
        given.put("confidence", true);
        given.put("description", input.description() != null);
        given.put(
                "agreements", input.agreements() != null && !input.agreements().isEmpty());
        return given;
    }

    private static void checkOrder(
            @Nullable PartialDate since, @Nullable PartialDate until, String untilField, String sinceField) {
        if (since != null && until != null && since.first().isAfter(until.last())) {
            throw new InvalidInputException(untilField + " (" + until + ") is before " + sinceField + " (" + since
                    + "): a flow cannot end before it starts.");
        }
    }

    private static @Nullable Map<String, @Nullable Object> checkProduct(@Nullable ProductInput via) {
        if (via == null) {
            return null;
        }
        var product = new HashMap<String, @Nullable Object>();
        product.put("id", Ids.checkSlug("input.via.id", via.id()));
        product.put("name", Texts.optional("input.via.name", via.name(), 300));
        product.put("description", Texts.optional("input.via.description", via.description(), 5_000));
        product.put(
                "offeredBy", via.offeredBy() == null ? null : Ids.checkSlug("input.via.offeredBy", via.offeredBy()));
        return product;
    }

    private static List<Map<String, @Nullable Object>> checkCategories(@Nullable List<CategoryInput> categories) {
        if (categories == null || categories.isEmpty()) {
            throw new InvalidInputException("input.categories must list at least one category the flow carries"
                    + " (e.g. {id: \"x-public-posts\"}, or a new one with a name and origin).");
        }
        var checked = new ArrayList<Map<String, @Nullable Object>>();
        for (int i = 0; i < categories.size(); i++) {
            var field = "input.categories[" + i + "]";
            var category = categories.get(i);
            var id = Ids.checkSlug(field + ".id", category.id());
            var parents = category.derivedFrom() == null ? List.<String>of() : category.derivedFrom();
            for (int j = 0; j < parents.size(); j++) {
                Ids.checkSlug(field + ".derivedFrom[" + j + "]", parents.get(j));
                if (parents.get(j).equals(id)) {
                    throw new InvalidInputException(field + " '" + id + "' cannot be derived from itself.");
                }
            }
            var map = new HashMap<String, @Nullable Object>();
            map.put("id", id);
            map.put("name", Texts.optional(field + ".name", category.name(), 300));
            map.put("origin", category.origin() == null ? null : Ids.checkSlug(field + ".origin", category.origin()));
            map.put("description", Texts.optional(field + ".description", category.description(), 5_000));
            map.put("derivedFrom", parents);
            checked.add(map);
        }
        return checked;
    }

    @SuppressWarnings("unchecked")
    private static List<String> derivedFrom(Map<String, @Nullable Object> category) {
        return (List<String>) Objects.requireNonNull(category.get("derivedFrom"));
    }

    private static @Nullable List<String> names(@Nullable List<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).toList();
    }
}
