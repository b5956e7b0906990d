package org.dataflowatlas.organization;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dataflowatlas.graph.CanonicalIds;
import org.dataflowatlas.graph.Inferences;
import org.dataflowatlas.graph.KeyedQuery;
import org.dataflowatlas.graph.Revisions;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Organizations: read model and upsert, with Neo4jClient and explicit mapping (kinds come from labels). */
@Repository
class OrganizationRepository {

    private static final String BY_IDS = CanonicalIds.RESOLVE + "RETURN key, o";

    private static final String PUBLISHERS = """
            UNWIND $ids AS key
            MATCH (:Source {id: key})-[:PUBLISHED_BY]->(o:Organization)
            RETURN key, o
            """;

    private static final String MERGED = """
            MATCH (m:MergedOrganization {id: $id})-[:MERGED_INTO]->(o:Organization)
            RETURN o.id AS id
            """;

    private static final String MERGED_IDS = """
            UNWIND $ids AS key
            MATCH (:Organization {id: key})<-[:MERGED_INTO]-(m:MergedOrganization)
            RETURN key, m.id AS id ORDER BY m.id
            """;

    private static final String FILTER = """
            ($kindLabels IS NULL OR any(l IN labels(o) WHERE l IN $kindLabels))
            AND ($jurisdictions IS NULL OR o.jurisdiction IN $jurisdictions
                 OR any(j IN coalesce(o.jurisdictions, []) WHERE j IN $jurisdictions))
            AND ($countries IS NULL OR o.country IN $countries)
            AND ($group IS NULL OR coalesce(o.group, false) = $group)
            AND ($text IS NULL OR toLower(o.name) CONTAINS $text OR o.id CONTAINS $text
                 OR any(a IN coalesce(o.aliases, []) WHERE toLower(a) CONTAINS $text))
            """;

    // Stable order by id; one extra row tells whether another page follows.
    private static final String PAGE = """
            CALL () {
              MATCH (o:Organization) WHERE %1$s
              RETURN count(o) AS total
            }
            CALL () {
              MATCH (o:Organization) WHERE ($after IS NULL OR o.id > $after) AND %1$s
              WITH o ORDER BY o.id LIMIT $limit
              RETURN collect(o) AS page
            }
            RETURN total, page
            """.formatted(FILTER);

    /**
     * Creates or corrects an organization: absent optional fields keep their value, and the kind label
     * is replaced only when a kind is given. Correcting what an existing one says (name, kind,
     * aliases, country, jurisdiction, description, group, size) keeps what it said before as a
     * revision, for recorded time.
     */
    private static final String UPSERT = """
            OPTIONAL MATCH (existing:Organization {id: $id})
            CALL (existing) {
              WITH existing WHERE existing IS NOT NULL
                AND [coalesce(existing.name, ''), coalesce(existing.aliases, []), coalesce(existing.country, ''),
                     coalesce(existing.jurisdiction, ''), coalesce(existing.description, ''),
                     coalesce(existing.group, false), coalesce(existing.estimatedSize, ''),
                     coalesce([l IN labels(existing) WHERE l IN $kindLabelsAll][0], '')]
                    <> [$name, coalesce($aliases, existing.aliases, []), coalesce($country, existing.country, ''),
                        coalesce($jurisdiction, existing.jurisdiction, ''), coalesce($description, existing.description, ''),
                        coalesce($group, existing.group, false), coalesce($estimatedSize, existing.estimatedSize, ''),
                        coalesce($kindLabel, [l IN labels(existing) WHERE l IN $kindLabelsAll][0], '')]
            %s
            }
            MERGE (o:Organization {id: $id})
            SET o.name = $name,
                o.aliases = coalesce($aliases, o.aliases, []),
                o.country = coalesce($country, o.country),
                o.jurisdiction = coalesce($jurisdiction, o.jurisdiction),
                o.description = coalesce($description, o.description),
                o.group = coalesce($group, o.group, false),
                o.estimatedSize = coalesce($estimatedSize, o.estimatedSize),
                o.inferred = CASE WHEN $inferred IS NULL THEN o.inferred ELSE $inferred END,
                o.inferredBecause = CASE WHEN $inferred IS NULL THEN o.inferredBecause ELSE $inferredBecause END
            WITH o
            CALL (o) {
              WITH o WHERE $kindLabel IS NOT NULL AND NOT $kindLabel IN labels(o)
              REMOVE o:Platform:Vendor:Agency:Advocacy:Publisher:Court:Company
              SET o:$($kindLabel)
            }
            RETURN o
            """.formatted(Revisions.keep("existing"));

    private static final List<String> KIND_LABELS =
            Arrays.stream(OrgKind.values()).map(OrgKind::label).toList();

    private final Neo4jClient neo4j;

    OrganizationRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Keyed by the id asked for, which may be the id of an organization merged into the one returned. */
    Map<String, Organization> findAllById(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j, BY_IDS, ids, record -> Organization.of(record.get("o").asNode()));
    }

    /** The publisher of each source that names one. */
    Map<String, Organization> publishers(Collection<String> sourceIds) {
        return KeyedQuery.single(
                neo4j,
                PUBLISHERS,
                sourceIds,
                record -> Organization.of(record.get("o").asNode()));
    }

    /** The organization an id was merged into, if it names a merged organization. */
    Optional<String> mergedInto(String id) {
        return neo4j.query(MERGED)
                .bind(id)
                .to("id")
                .fetchAs(String.class)
                .mappedBy((types, record) -> record.get("id").asString())
                .one();
    }

    Map<String, List<String>> mergedIds(Collection<String> organizationIds) {
        return KeyedQuery.grouped(
                neo4j, MERGED_IDS, organizationIds, record -> record.get("id").asString());
    }

    record Page(long total, List<Organization> organizations) {}

    Page page(OrganizationFilter filter, @Nullable String afterId, int limit) {
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put(
                "kindLabels",
                filter.kinds() == null
                        ? null
                        : filter.kinds().stream().map(OrgKind::label).toList());
        parameters.put(
                "jurisdictions",
                filter.jurisdictions() == null
                        ? null
                        : filter.jurisdictions().stream().map(Enum::name).toList());
        parameters.put("countries", filter.countries());
        parameters.put("group", filter.group());
        parameters.put(
                "text",
                filter.text() == null || filter.text().isBlank()
                        ? null
                        : filter.text().strip().toLowerCase(Locale.ROOT));
        parameters.put("after", afterId);
        parameters.put("limit", limit);
        return neo4j.query(PAGE)
                .bindAll(parameters)
                .fetchAs(Page.class)
                .mappedBy((types, record) -> new Page(
                        record.get("total").asLong(),
                        record.get("page").asList(Value::asNode).stream()
                                .map(Organization::of)
                                .toList()))
                .one()
                .orElseThrow();
    }

    Organization upsert(OrganizationInput input, Inferences.@Nullable Marks inferences) {
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("id", input.id());
        parameters.put("name", input.name());
        parameters.put("kindLabel", input.kind() == null ? null : input.kind().label());
        parameters.put("kindLabelsAll", KIND_LABELS);
        parameters.put("aliases", input.aliases());
        parameters.put("country", input.country());
        parameters.put(
                "jurisdiction",
                input.jurisdiction() == null ? null : input.jurisdiction().name());
        parameters.put("description", input.description());
        parameters.put("group", input.group());
        parameters.put("estimatedSize", input.estimatedSize());
        parameters.put("inferred", inferences == null ? null : inferences.fields());
        parameters.put("inferredBecause", inferences == null ? null : inferences.reasons());
        return neo4j.query(UPSERT)
                .bindAll(parameters)
                .fetchAs(Organization.class)
                .mappedBy((types, record) -> Organization.of(record.get("o").asNode()))
                .one()
                .orElseThrow();
    }
}
