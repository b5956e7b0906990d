package org.dataflowatlas.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

/** The founding case, as the app seeds it on first start of an empty database. */
@AtlasIntegrationTest
class SeedTest {

    private static final Path SEED = Path.of("cypher/seed/001-x-dataminr-secret-service.cypher");

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @Test
    void seeds_the_x_dataminr_secret_service_chain_on_first_start() {
        var chain = query("""
                MATCH (:Platform {id: 'x'})-[:SENDS]->(f1:DataFlow)-[:TO]->(:Vendor {id: 'dataminr'})
                      -[:SENDS]->(f2:DataFlow)-[:TO]->(:Agency {id: 'us-secret-service'})
                MATCH (f1)-[:CARRIES]->(c1:DataCategory), (f2)-[:CARRIES]->(c2:DataCategory)-[:DERIVED_FROM]->(c1)
                MATCH (f2)-[:VIA]->(:Product {id: 'first-alert'})<-[:OFFERS]-(:Organization {id: 'dataminr'})
                RETURN f1.accessMethod AS firstAccess, f2.purpose AS secondPurpose, c1.origin AS origin
                """);
        assertThat(chain).hasSize(1);
        assertThat(chain.getFirst().get("firstAccess").asString()).isEqualTo("FIREHOSE");
        assertThat(chain.getFirst().get("secondPurpose").asString()).isEqualTo("LAW_ENFORCEMENT");
        assertThat(chain.getFirst().get("origin").asString()).isEqualTo("x");
    }

    @Test
    void uses_the_stable_ids_the_product_promises() {
        var ids = query("""
                        UNWIND ['x', 'dataminr', 'first-alert', 'us-secret-service', 'the-intercept', 'aclu', 'eff',
                                'us-supreme-court', 'elon-musk'] AS id
                        OPTIONAL MATCH (n {id: id})
                        RETURN id, n IS NOT NULL AS present
                        """).stream()
                .filter(r -> !r.get("present").asBoolean())
                .map(r -> r.get("id").asString())
                .toList();
        assertThat(ids).as("ids missing from the seed").isEmpty();
        assertThat(query("MATCH (x:Organization {id: 'x'}) RETURN x.aliases AS aliases")
                        .getFirst()
                        .get("aliases")
                        .asList())
                .contains("Twitter");
    }

    @Test
    void models_dozens_of_unnamed_customers_as_a_group_and_x_terms_as_a_policy() {
        var group = query("""
                        MATCH (:Organization {id: 'dataminr'})-[:SENDS]->(:DataFlow)-[:TO]->(g:Organization {group: true})
                        RETURN g.estimatedSize AS size, g.jurisdictions AS levels
                        """).getFirst();
        assertThat(group.get("size").asString()).isEqualTo("dozens");
        assertThat(group.get("levels").asList()).containsExactlyInAnyOrder("LOCAL", "STATE", "FEDERAL");

        var policy = query("""
                        MATCH (:Organization {id: 'x'})-[:PUBLISHES]->(p:Policy)
                        RETURN p.prohibitedPurposes AS prohibited, p.exception AS exception
                        """).getFirst();
        assertThat(policy.get("prohibited").asList()).containsExactly("LAW_ENFORCEMENT");
        assertThat(policy.get("exception").asString()).isEqualTo("explicitly approved by X in writing");
    }

    @Test
    void every_flow_event_statement_and_policy_has_a_source() {
        var unsourced = query("""
                MATCH (n) WHERE (n:DataFlow OR n:Event OR n:Policy)
                  AND NOT (n)-[:EVIDENCED_BY]->(:Source)
                RETURN labels(n) AS labels, n.id AS id
                UNION
                MATCH (n:Statement) WHERE NOT (n)-[:REPORTED_IN]->(:Source)
                RETURN labels(n) AS labels, n.id AS id
                """);
        assertThat(unsourced).isEmpty();
        assertThat(query("""
                        MATCH (n:DataFlow)-[:EVIDENCED_BY]->(s:Source)
                        WHERE s.id IN ['seed-article', 'intercept-x-dataminr-report', 'dataminr-secret-service-emails']
                        RETURN DISTINCT n.id
                        """)).hasSize(3);
    }

    @Test
    void ownership_and_roles_cite_sources_that_exist() {
        var facts = query("""
                MATCH ()-[r:OWNS|ROLE]->()
                RETURN type(r) AS type, r.quote AS quote,
                       size([id IN coalesce(r.sources, []) WHERE EXISTS { (:Source {id: id}) }]) AS sources
                """);
        assertThat(facts).hasSizeGreaterThanOrEqualTo(4);
        assertThat(facts).allSatisfy(fact -> {
            assertThat(fact.get("sources").asInt()).isPositive();
            assertThat(fact.get("quote").isNull()).isFalse();
        });
    }

    @Test
    void every_quote_is_copied_verbatim_from_the_article() throws IOException {
        var article = Files.readString(Path.of("docs/seed-article.txt"));
        var quotes = query("""
                MATCH ()-[e:EVIDENCED_BY]->(s:Source) WHERE s.id IN $seedSources RETURN e.quote AS quote
                UNION ALL
                MATCH ()-[r:OWNS|ROLE]->() WHERE any(id IN r.sources WHERE id IN $seedSources) RETURN r.quote AS quote
                UNION ALL
                MATCH (s:Statement)-[:REPORTED_IN]->(:Source {id: 'seed-article'})
                WHERE NOT coalesce(s.paraphrase, false) RETURN s.text AS quote
                """);
        assertThat(quotes).hasSizeGreaterThan(20);
        for (var quote : quotes) {
            // A quote may join two passages of the article with an ellipsis.
            for (var passage : quote.get("quote").asString().split(" … ")) {
                assertThat(article).as("quote in the seed").contains(passage.replaceAll("^“|”$", ""));
            }
        }
    }

    @Test
    void loading_the_seed_again_changes_nothing() {
        var before = TestSupport.fingerprint(driver);
        var result = loader.load(SEED);
        assertThat(result.statements()).isGreaterThan(40);
        assertThat(result.nodesCreated()).isZero();
        assertThat(result.relationshipsCreated()).isZero();
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
    }

    @Test
    void schema_constraints_make_every_node_id_unique() {
        var constrained =
                query("""
                        SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
                        WHERE type CONTAINS 'UNIQUENESS' AND properties = ['id'] AND NOT labelsOrTypes[0] STARTS WITH '__'
                        RETURN labelsOrTypes[0] AS label
                        """).stream().map(r -> r.get("label").asString()).toList();
        assertThat(constrained)
                .containsExactlyInAnyOrder(
                        "Organization",
                        "Person",
                        "Product",
                        "DataCategory",
                        "DataFlow",
                        "Agreement",
                        "Policy",
                        "Source",
                        "Event",
                        "Statement",
                        "AuditEntry",
                        "MergedOrganization");
    }

    @Test
    void full_text_index_finds_organizations_by_alias_and_evidence_by_quote() {
        var byAlias = query("""
                CALL db.index.fulltext.queryNodes('entity_text', 'Twitter') YIELD node
                RETURN node.id AS id
                """);
        assertThat(byAlias).extracting(r -> r.get("id").asString()).contains("x");
        var byQuote = query("""
                CALL db.index.fulltext.queryRelationships('evidence_quote', '"whole point of this contract"')
                YIELD relationship
                RETURN startNode(relationship).id AS id
                """);
        assertThat(byQuote)
                .extracting(r -> r.get("id").asString())
                .contains("dataminr-to-us-secret-service-first-alert");
    }

    @Test
    void schema_migrations_are_recorded_and_checksummed() {
        var migrations = query("""
                MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE'
                RETURN m.version AS version, m.checksum AS checksum ORDER BY version
                """);
        assertThat(migrations)
                .extracting(r -> r.get("version").asString())
                .containsExactly("001", "002", "003", "004", "005");
        assertThat(migrations)
                .allSatisfy(m -> assertThat(m.get("checksum").asString()).isNotBlank());
    }

    private static final List<String> SEED_SOURCES = List.of(
            "seed-article",
            "intercept-x-dataminr-report",
            "dataminr-secret-service-emails",
            "x-supreme-court-petition");

    private List<Record> query(String cypher) {
        return driver.executableQuery(cypher)
                .withParameters(Map.of("seedSources", SEED_SOURCES))
                .execute()
                .records();
    }
}
