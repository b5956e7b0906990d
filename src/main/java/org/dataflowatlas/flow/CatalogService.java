package org.dataflowatlas.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.evidence.EvidenceChecks;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.evidence.RetractedLink;
import org.dataflowatlas.evidence.Retractions;
import org.dataflowatlas.evidence.Retractions.RelationshipFact;
import org.dataflowatlas.graph.Existence;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Texts;
import org.dataflowatlas.graph.WriteTransaction;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products and data categories: what flows go through and what they carry. A category's
 * derivations are what lineage traces follow. Reads in read transactions; writes check everything
 * first, then write and audit in one write transaction.
 */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final CatalogRepository repository;
    private final CatalogWrites writes;
    private final OrganizationService organizations;
    private final EvidenceChecks evidenceChecks;
    private final Existence existence;
    private final Retractions retractions;
    private final AuditTrail audit;

    CatalogService(
            CatalogRepository repository,
            CatalogWrites writes,
            OrganizationService organizations,
            EvidenceChecks evidenceChecks,
            Existence existence,
            Retractions retractions,
            AuditTrail audit) {
        this.repository = repository;
        this.writes = writes;
        this.organizations = organizations;
        this.evidenceChecks = evidenceChecks;
        this.existence = existence;
        this.retractions = retractions;
        this.audit = audit;
    }

    public Optional<Product> product(String id) {
        return Optional.ofNullable(repository.products(List.of(id)).get(id));
    }

    public Optional<DataCategory> category(String id) {
        return Optional.ofNullable(repository.categories(List.of(id)).get(id));
    }

    Map<String, List<Organization>> offeredBy(Collection<String> productIds) {
        return repository.offeredBy(productIds);
    }

    Map<String, List<DataCategory>> derivedFrom(Collection<String> categoryIds) {
        return repository.derivedFrom(categoryIds);
    }

    @WriteTransaction
    public Product upsertProduct(ProductInput input) {
        var id = Ids.checkSlug("input.id", input.id());
        var offeredBy = input.offeredBy() == null
                ? null
                : organizations.canonicalId(Ids.checkSlug("input.offeredBy", input.offeredBy()));
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("id", id);
        parameters.put("name", Texts.optional("input.name", input.name(), 300));
        parameters.put("description", Texts.optional("input.description", input.description(), 5_000));
        parameters.put("offeredBy", offeredBy);
        existence.requireAll(Map.of("Organization", offeredBy == null ? List.<String>of() : List.of(offeredBy)));
        if (parameters.get("name") == null && repository.products(List.of(id)).isEmpty()) {
            throw new InvalidInputException("input.id '" + id + "' is a new product: give it a name"
                    + " (and offeredBy, the organization that offers it).");
        }
        var product = writes.upsertProduct(parameters);
        audit.record("upsertProduct", Arrays.asList(id, offeredBy), null);
        return product;
    }

    @WriteTransaction
    public RetractedLink retractOffer(
            String organization, String product, String reason, List<EvidenceInput> evidence) {
        Ids.checkSlug("organization", organization);
        Ids.checkSlug("product", product);
        var org = organizations.canonicalId(organization);
        var why = Texts.required("reason", reason, 5_000);
        var items = evidenceChecks.check("evidence", evidence);
        var fact = RelationshipFact.OFFERS;
        if (!retractions.retractRelationship(fact, org, product, Map.of(), why, items)) {
            throw new NotFoundException("No record that '" + org + "' offers '" + product + "'. See who offers it"
                    + " with product(id: \"" + product + "\") { offeredBy { id } }.");
        }
        audit.record("retractOffer", EvidenceChecks.touched(product, items, org), why);
        var retracted = retractions.retracted(fact, org, product, Map.of()).orElseThrow();
        return new RetractedLink(
                RetractedLink.LinkType.OFFERS,
                Organization.of(retracted.from()),
                Product.of(retracted.to()),
                retracted.retraction());
    }

    @WriteTransaction
    public DataCategory upsertCategory(CategoryInput input) {
        var id = Ids.checkSlug("input.id", input.id());
        var parents = new LinkedHashSet<String>();
        var given = input.derivedFrom() == null ? List.<String>of() : input.derivedFrom();
        for (int i = 0; i < given.size(); i++) {
            parents.add(Ids.checkSlug("input.derivedFrom[" + i + "]", given.get(i)));
            if (given.get(i).equals(id)) {
                throw new InvalidInputException(
                        "input.derivedFrom[" + i + "]: '" + id + "' cannot be derived from itself.");
            }
        }
        var origin = input.origin() == null
                ? null
                : organizations.canonicalId(Ids.checkSlug("input.origin", input.origin()));
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("id", id);
        parameters.put("name", Texts.optional("input.name", input.name(), 300));
        parameters.put("origin", origin);
        parameters.put("description", Texts.optional("input.description", input.description(), 5_000));
        parameters.put("derivedFrom", List.copyOf(parents));
        existence.requireAll(
                Map.of("Organization", origin == null ? List.<String>of() : List.of(origin), "DataCategory", parents));
        if (parameters.get("name") == null && repository.categories(List.of(id)).isEmpty()) {
            throw new InvalidInputException("input.id '" + id + "' is a new category: give it a name"
                    + " (and an origin, the organization whose users or sensors produced it).");
        }
        var loops = writes.derivationLoops(id, List.copyOf(parents));
        if (!loops.isEmpty()) {
            throw new InvalidInputException("input.derivedFrom: " + String.join(", ", loops) + " already derive"
                    + (loops.size() == 1 ? "s" : "") + " from '" + id + "', so '" + id + "' would derive from itself."
                    + " Retract the wrong derivation first (retractDerivation).");
        }
        var category = writes.upsertCategory(parameters);
        var touched = new ArrayList<@Nullable String>(List.of(id));
        touched.add(origin);
        touched.addAll(parents);
        audit.record("upsertCategory", touched, null);
        return category;
    }

    @WriteTransaction
    public RetractedLink retractDerivation(
            String category, String derivedFrom, String reason, List<EvidenceInput> evidence) {
        Ids.checkSlug("category", category);
        Ids.checkSlug("derivedFrom", derivedFrom);
        var why = Texts.required("reason", reason, 5_000);
        var items = evidenceChecks.check("evidence", evidence);
        var fact = RelationshipFact.DERIVED_FROM;
        if (!retractions.retractRelationship(fact, category, derivedFrom, Map.of(), why, items)) {
            throw new NotFoundException("No record that '" + category + "' derives from '" + derivedFrom
                    + "'. See what it derives from with category(id: \"" + category + "\") { derivedFrom { id } }.");
        }
        writes.relink(category);
        audit.record("retractDerivation", EvidenceChecks.touched(category, items, derivedFrom), why);
        var retracted =
                retractions.retracted(fact, category, derivedFrom, Map.of()).orElseThrow();
        return new RetractedLink(
                RetractedLink.LinkType.DERIVED_FROM,
                DataCategory.of(retracted.from()),
                DataCategory.of(retracted.to()),
                retracted.retraction());
    }
}
