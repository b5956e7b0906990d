package org.dataflowatlas.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.graph.CanonicalIds;
import org.dataflowatlas.graph.Connection;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Inferences;
import org.dataflowatlas.graph.Paging;
import org.dataflowatlas.graph.Texts;
import org.dataflowatlas.graph.WriteTransaction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations: look-ups and listings in read transactions (a cluster routes them to followers), upserts in write ones. */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

    private final AuditTrail audit;

    private final OrganizationRepository repository;

    private final CanonicalIds canonicalIds;

    OrganizationService(OrganizationRepository repository, AuditTrail audit, CanonicalIds canonicalIds) {
        this.repository = repository;
        this.audit = audit;
        this.canonicalIds = canonicalIds;
    }

    public Optional<Organization> find(String id) {
        return Optional.ofNullable(repository.findAllById(List.of(id)).get(id));
    }

    /**
     * Many at once, keyed by the ids asked for; ids without an organization are absent from the map.
     * The id of an organization merged into another finds the one it was merged into.
     */
    public Map<String, Organization> findAll(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : repository.findAllById(ids);
    }

    /**
     * The resolver writes and traces use: the id of the organization each id names — the id itself,
     * or, for the id of an organization merged into another (mergeOrganizations), the one it was
     * merged into. Ids that name no organization map to themselves, so existence checks still name them.
     */
    public Map<String, String> canonicalIds(Collection<String> ids) {
        return canonicalIds.of(ids);
    }

    /** {@link #canonicalIds} for one id. */
    public String canonicalId(String id) {
        return canonicalIds.of(id);
    }

    /** The publisher of each source that names one. */
    public Map<String, Organization> publishers(Collection<String> sourceIds) {
        return repository.publishers(sourceIds);
    }

    /** The organization a merged organization's id was merged into, when the id is one. */
    Optional<String> mergedInto(String id) {
        return repository.mergedInto(id);
    }

    public Map<String, List<String>> mergedIds(Collection<String> organizationIds) {
        return repository.mergedIds(organizationIds);
    }

    public Connection<Organization> list(@Nullable OrganizationFilter filter, int first, @Nullable String after) {
        Paging.checkFirst(first);
        var afterId = Paging.afterId(after);
        var page = repository.page(
                filter == null ? new OrganizationFilter(null, null, null, null, null) : filter, afterId, first + 1);
        return Paging.connection(page.organizations(), first, (int) page.total(), afterId != null, Organization::id);
    }

    @WriteTransaction
    public Organization upsert(OrganizationInput input) {
        Ids.checkSlug("input.id", input.id());
        repository.mergedInto(input.id()).ifPresent(keep -> {
            throw new InvalidInputException("input.id '" + input.id() + "' was merged into '" + keep
                    + "' (mergeOrganizations) and now names it: update '" + keep + "' instead.");
        });
        var aliases = input.aliases() == null ? null : new ArrayList<String>();
        if (input.aliases() != null) {
            for (int i = 0; i < input.aliases().size(); i++) {
                aliases.add(Texts.required(
                        "input.aliases[" + i + "]", input.aliases().get(i), 300));
            }
        }
        var checked = new OrganizationInput(
                input.id(),
                Texts.required("input.name", input.name(), 300),
                input.kind(),
                aliases,
                Texts.optional("input.country", input.country(), 60),
                input.jurisdiction(),
                Texts.optional("input.description", input.description(), 5_000),
                input.group(),
                Texts.optional("input.estimatedSize", input.estimatedSize(), 100),
                input.inferences());
        var given = new LinkedHashMap<String, Boolean>();
        given.put("name", true);
        given.put("kind", checked.kind() != null);
        given.put("aliases", checked.aliases() != null);
        given.put("country", checked.country() != null);
        given.put("jurisdiction", checked.jurisdiction() != null);
        given.put("description", checked.description() != null);
        given.put("group", checked.group() != null);
        given.put("estimatedSize", checked.estimatedSize() != null);
        var inferences = Inferences.check("input.inferences", input.inferences(), given, "organization");
        var organization = repository.upsert(checked, inferences);
        audit.record("upsertOrganization", List.of(organization.id()), null);
        return organization;
    }
}
