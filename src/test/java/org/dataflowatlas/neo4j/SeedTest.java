package org.dataflowatlas.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLObjectType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/** The founding case, as the app seeds it on first start of an empty database. */
@AtlasIntegrationTest
class SeedTest {

    private static final Path SEED = Path.of("cypher/seed/001-x-dataminr-secret-service.cypher");

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @Autowired
    GraphQlSource graphQlSource;

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
                MATCH (n) WHERE (n:DataFlow OR n:Event OR n:Policy
                                 OR n:Agreement AND n.id IN ['x-dataminr-contract', 'dataminr-secret-service-contract'])
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
    void the_article_source_holds_the_text_of_the_article_the_repository_holds() throws IOException {
        var held = query("MATCH (s:Source {id: 'seed-article'}) RETURN s.text AS text");
        assertThat(held.getFirst().get("text").asString()).isEqualTo(Files.readString(ARTICLE));
    }

    /**
     * The rule behind every quote: it is a passage of the source it is attached to. Checked for every
     * source whose text the graph holds (the seed's article; any other loaded with a text), over every
     * kind of quote the model has.
     */
    @Test
    void every_quote_is_a_passage_of_the_source_it_is_attached_to() {
        var quotes = query("""
                MATCH ()-[e:EVIDENCED_BY|RETRACTION_EVIDENCED_BY|REPORTED_IN]->(s:Source)
                WHERE s.text IS NOT NULL AND e.quote IS NOT NULL
                RETURN s.id AS source, s.text AS text, type(e) AS kind, e.quote AS quote
                UNION ALL
                MATCH (st:Statement)-[:REPORTED_IN]->(s:Source) WHERE s.text IS NOT NULL
                RETURN s.id AS source, s.text AS text, 'Statement ' + st.id AS kind, st.text AS quote
                UNION ALL
                MATCH ()-[r:OWNS|ROLE]->() UNWIND coalesce(r.sources, []) AS sourceId
                MATCH (s:Source {id: sourceId}) WHERE s.text IS NOT NULL
                RETURN s.id AS source, s.text AS text, type(r) AS kind, r.quote AS quote
                """);
        assertThat(quotes).as("quotes checked").hasSizeGreaterThan(30);
        assertThat(quotes)
                .allSatisfy(q -> assertThat(q.get("text").asString())
                        .as(q.get("kind").asString() + " quote attached to "
                                + q.get("source").asString())
                        .contains(q.get("quote").asString()));
    }

    @Test
    void no_quote_in_the_seed_is_attached_to_a_source_whose_text_the_graph_does_not_hold() {
        var unheld = query("""
                MATCH (n)-[e:EVIDENCED_BY|REPORTED_IN]->(s:Source)
                WHERE s.id IN $seedSources AND s.text IS NULL AND e.quote IS NOT NULL
                RETURN n.id AS fact, s.id AS source
                UNION
                MATCH (n:Statement)-[:REPORTED_IN]->(s:Source) WHERE s.id IN $seedSources AND s.text IS NULL
                RETURN n.id AS fact, s.id AS source
                UNION
                MATCH ()-[r:OWNS|ROLE]->() UNWIND coalesce(r.sources, []) AS sourceId
                MATCH (s:Source {id: sourceId}) WHERE s.id IN $seedSources AND s.text IS NULL
                RETURN type(r) AS fact, s.id AS source
                """);
        assertThat(unheld)
                .extracting(
                        r -> r.get("fact").asString() + " -> " + r.get("source").asString())
                .isEmpty();
        // The sources the article relies on are still there, as what it cites.
        assertThat(query("""
                        MATCH (:Source {id: 'seed-article'})-[:CITES]->(cited:Source) RETURN cited.id AS id
                        """))
                .extracting(r -> r.get("id").asString())
                .containsExactlyInAnyOrder(
                        "intercept-x-dataminr-report", "dataminr-secret-service-emails", "x-supreme-court-petition");
    }

    /** Verbatim statements hold only words the source puts in quotation marks: nothing spliced, no narration. */
    @Test
    void a_verbatim_statement_holds_only_words_its_source_quotes() {
        var statements = query("""
                MATCH (st:Statement)-[:REPORTED_IN]->(s:Source)
                WHERE s.id IN $seedSources AND s.text IS NOT NULL AND NOT coalesce(st.paraphrase, false)
                RETURN st.id AS id, st.text AS words, s.text AS text
                """);
        assertThat(statements).hasSizeGreaterThanOrEqualTo(6);
        for (var statement : statements) {
            var quoted = new ArrayList<String>();
            var matcher = QUOTED.matcher(statement.get("text").asString());
            while (matcher.find()) {
                quoted.add(matcher.group(1));
            }
            assertThat(quoted)
                    .as("words of statement " + statement.get("id").asString() + " inside one pair of quotation marks")
                    .anyMatch(passage -> passage.contains(statement.get("words").asString()));
        }
    }

    @Test
    void nothing_in_the_seed_is_confirmed_as_no_primary_document_is_held() {
        var flows = query("MATCH (f:DataFlow)-[:EVIDENCED_BY]->(s:Source) WHERE s.id IN $seedSources"
                + " RETURN DISTINCT f.id AS id, f.confidence AS confidence");
        assertThat(flows).hasSize(3);
        assertThat(flows).extracting(r -> r.get("confidence").asString()).containsOnly("REPORTED");
    }

    @Test
    void what_the_article_does_not_state_is_marked_inferred_with_its_reasoning() {
        assertThat(marks("DataFlow", "dataminr-to-us-secret-service-first-alert"))
                .containsOnlyKeys("via", "accessMethod", "realTime", "categories", "agreements");
        assertThat(marks("DataFlow", "dataminr-to-law-enforcement-customers-first-alert"))
                .containsOnlyKeys("via", "accessMethod", "realTime", "categories");
        assertThat(marks("DataFlow", "x-to-dataminr-firehose")).isEmpty();
        assertThat(marks("Agreement", "dataminr-secret-service-contract")).containsOnlyKeys("parties");
        assertThat(marks("Organization", "dataminr-law-enforcement-customers")).containsOnlyKeys("country");
        assertThat(marks("Organization", "us-secret-service")).containsOnlyKeys("jurisdiction");
        assertThat(marks("Event", "supreme-court-declines-x-petition"))
                .containsOnlyKeys("date")
                .hasEntrySatisfying("date", why -> assertThat(why).contains("last summer"));
        assertThat(marks("Event", "intercept-reports-x-data-still-reaches-law-enforcement"))
                .containsOnlyKeys("date");
        // A date the article does not give is not there at all.
        assertThat(query("MATCH (st:Statement {id: 'musk-supreme-court-disappointing'}) RETURN st.date AS date")
                        .getFirst()
                        .get("date")
                        .isNull())
                .isTrue();
        // Every dated source of the seed is dated by reasoning: the article dates none of them.
        var dated = query("MATCH (s:Source) WHERE s.id IN $seedSources AND s.published IS NOT NULL RETURN s.id AS id");
        assertThat(dated)
                .hasSize(3)
                .allSatisfy(
                        r -> assertThat(marks("Source", r.get("id").asString())).containsKey("published"));
    }

    /** Marks use the API's field names (or `fact`), one reason each, so GraphQL shows them as they are stored. */
    @Test
    void every_inference_mark_names_a_field_of_its_type_and_gives_a_reason() {
        var marked = query("""
                MATCH (n) WHERE n.inferred IS NOT NULL
                RETURN [l IN labels(n) WHERE l IN $types][0] AS type, n.id AS id,
                       n.inferred AS fields, n.inferredBecause AS reasons
                """);
        assertThat(marked).hasSizeGreaterThanOrEqualTo(12);
        for (var node : marked) {
            var type = (GraphQLObjectType)
                    graphQlSource.schema().getType(node.get("type").asString());
            var fields = node.get("fields").asList(Value::asString);
            var reasons = node.get("reasons").asList(Value::asString);
            assertThat(reasons)
                    .as("reasons of " + node.get("id"))
                    .hasSameSizeAs(fields)
                    .allSatisfy(reason -> assertThat(reason).isNotBlank());
            assertThat(fields)
                    .as("inferred fields of " + node.get("id"))
                    .allSatisfy(field -> assertThat(field.equals("fact") || type.getFieldDefinition(field) != null)
                            .as(field + " is a field of " + type.getName())
                            .isTrue());
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
                .containsExactly("001", "002", "003", "004", "005", "006", "007", "008");
        assertThat(migrations)
                .allSatisfy(m -> assertThat(m.get("checksum").asString()).isNotBlank());
    }

    private static final Path ARTICLE = Path.of("docs/seed-article.txt");

    /** A passage between typographic quotation marks, as the article quotes. */
    private static final Pattern QUOTED = Pattern.compile("“([^“”]*)”");

    private static final List<String> TYPES = List.of(
            "Organization",
            "Person",
            "Product",
            "DataCategory",
            "DataFlow",
            "Agreement",
            "Policy",
            "Source",
            "Event",
            "Statement");

    private static final List<String> SEED_SOURCES = List.of(
            "seed-article",
            "intercept-x-dataminr-report",
            "dataminr-secret-service-emails",
            "x-supreme-court-petition");

    private List<Record> query(String cypher) {
        return driver.executableQuery(cypher)
                .withParameters(Map.of("seedSources", SEED_SOURCES, "types", TYPES))
                .execute()
                .records();
    }

    /** The inferred fields of one node with the reasoning for each. */
    private Map<String, String> marks(String label, String id) {
        var node = driver.executableQuery("MATCH (n {id: $id}) WHERE $label IN labels(n)"
                        + " RETURN coalesce(n.inferred, []) AS fields, coalesce(n.inferredBecause, []) AS reasons")
                .withParameters(Map.of("id", id, "label", label))
                .execute()
                .records();
        assertThat(node).as(label + " " + id).hasSize(1);
        var fields = node.getFirst().get("fields").asList(Value::asString);
        var reasons = node.getFirst().get("reasons").asList(Value::asString);
        var marks = new LinkedHashMap<String, String>();
        for (int i = 0; i < fields.size(); i++) {
            marks.put(fields.get(i), reasons.get(i));
        }
        return marks;
    }
}
