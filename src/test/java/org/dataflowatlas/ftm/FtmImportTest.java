package org.dataflowatlas.ftm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.DataflowAtlasApplication;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.export.GraphExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** FtM entity files in: the seed's own export round trip, an extract from elsewhere, and bad files refused whole. */
@AtlasIntegrationTest
class FtmImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

    @Autowired
    FtmImporter importer;

    @Autowired
    GraphExporter exporter;

    @Autowired
    Driver driver;

    @TempDir
    Path work;

    private final List<Runnable> cleanups = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        cleanups.reversed().forEach(Runnable::run);
        driver.executableQuery("MATCH (a:AuditEntry) WHERE a.operation = 'import:ftm' DETACH DELETE a")
                .execute();
    }

    /** A database of its own: the shared one holds what other tests leave behind, and the round trip needs the seed alone. */
    private static org.springframework.context.ConfigurableApplicationContext database(boolean seeded) {
        return new SpringApplicationBuilder(DataflowAtlasApplication.class)
                .web(WebApplicationType.NONE)
                .run(List.of(
                                "--dataflow.embedded.temporary=true",
                                "--dataflow.embedded.bolt-port=0",
                                "--dataflow.embedded.http-port=0",
                                "--dataflow.embedded.page-cache=32m",
                                "--dataflow.limits.query-timeout=20s",
                                "--dataflow.seed.enabled=" + seeded)
                        .toArray(String[]::new));
    }

    @Test
    void the_seed_exported_as_ftm_and_imported_into_an_empty_database_gives_the_same_graph_back() throws Exception {
        var original = work.resolve("seed.ftm.json");
        List<Object> seedGraph;
        long seedEvents;
        try (var seed = database(true)) {
            seed.getBean(GraphExporter.class).export(GraphExporter.Format.FTM, null, original);
            seedGraph = ftmPart(seed.getBean(Driver.class), "none");
            seedEvents = seed.getBean(Driver.class)
                    .executableQuery("MATCH (e:Event) WHERE NOT coalesce(e.retracted, false) RETURN count(e) AS n")
                    .execute()
                    .records()
                    .getFirst()
                    .get("n")
                    .asLong();
        }
        try (var empty = database(false)) {
            var summary = empty.getBean(FtmImporter.class).run(original, false, QUIET);
            assertThat(summary.errors()).isEmpty();
            assertThat(summary.imported())
                    .containsEntry("organizations", 8L)
                    .containsEntry("people", 3L)
                    .containsEntry("sources (the file and the documents it names)", 5L)
                    .containsEntry("ownerships", 2L)
                    .containsEntry("roles", 2L)
                    .containsEntry("citations between sources", 4L)
                    .containsEntry("evidence links from documents to facts", 4L);
            assertThat(summary.skipped())
                    .containsEntry("UnknownLink entities (not a kind of fact imported from FtM)", 3L)
                    .containsEntry("Event entities (not a kind of fact imported from FtM)", seedEvents);

            var target = empty.getBean(Driver.class);
            // The same organizations, people, sources, ownership, roles, citations and evidence, property by property.
            assertThat(ftmPart(target, summary.sourceId())).isEqualTo(seedGraph);
            var again = work.resolve("again.ftm.json");
            empty.getBean(GraphExporter.class).export(GraphExporter.Format.FTM, null, again);
            assertThat(withoutFileSource(read(again), summary.sourceId())).isEqualTo(withoutFlows(read(original)));

            // In graph terms: kinds, the former stake, the role, the held text and who cites whom.
            var row = target.executableQuery("""
                            MATCH (x:Organization:Platform {id: 'x'})-[o:OWNS]->(d:Organization:Vendor {id: 'dataminr'})
                            MATCH (:Person {id: 'jennifer-granick'})-[r:ROLE]->(:Organization:Advocacy {id: 'aclu'})
                            MATCH (article:Source {id: 'seed-article'})-[:CITES]->(:Source {id: 'intercept-x-dataminr-report'})
                            MATCH (:Source {id: 'intercept-x-dataminr-report'})-[:PUBLISHED_BY]->(:Organization:Publisher {id: 'the-intercept'})
                            MATCH (g:Organization:Agency {id: 'dataminr-law-enforcement-customers'})
                            RETURN o.former AS former, o.sources AS sources, r.title AS title, article.text AS text,
                                   article.kind AS kind, g.group AS isGroup, g.estimatedSize AS size,
                                   g.jurisdictions AS levels, x.aliases AS aliases
                            """).execute().records().getFirst();
            assertThat(row.get("former").asBoolean()).isTrue();
            assertThat(row.get("sources").asList(org.neo4j.driver.Value::asString))
                    .containsExactly(summary.sourceId(), "seed-article");
            assertThat(row.get("title").asString()).isEqualTo("surveillance and cybersecurity counsel");
            assertThat(row.get("text").asString()).isEqualTo(Files.readString(Path.of("docs/seed-article.txt")));
            assertThat(row.get("kind").asString()).isEqualTo("NEWS_REPORT");
            assertThat(row.get("isGroup").asBoolean()).isTrue();
            assertThat(row.get("size").asString()).isEqualTo("dozens");
            assertThat(row.get("levels").asList(org.neo4j.driver.Value::asString))
                    .containsExactly("LOCAL", "STATE", "FEDERAL");
            assertThat(row.get("aliases").asList(org.neo4j.driver.Value::asString))
                    .containsExactly("Twitter");

            // Importing the same file again changes nothing.
            var before = TestSupport.factFingerprint(target);
            var second = empty.getBean(FtmImporter.class).run(original, false, QUIET);
            assertThat(second.nodesCreated()).isZero();
            assertThat(second.relationshipsCreated()).isZero();
            assertThat(TestSupport.factFingerprint(target)).isEqualTo(before);
        }
    }

    @Test
    void importing_the_seed_s_own_export_into_the_seeded_graph_only_adds_the_file_as_a_source() throws Exception {
        var file = work.resolve("seed.ftm.json");
        exporter.export(GraphExporter.Format.FTM, null, file);
        restoreRelationshipFactsAfterwards();
        var summary = importer.run(file, false, QUIET);
        cleanups.add(() -> driver.executableQuery("MATCH (s:Source {id: $id}) DETACH DELETE s")
                .withParameters(Map.of("id", summary.sourceId()))
                .execute());
        assertThat(summary.errors()).isEmpty();
        // Nothing the seed wrote is overwritten; the one new node is the file's source.
        assertThat(summary.nodesCreated()).isEqualTo(1);
        assertThat(summary.relationshipsCreated()).isZero();
        var cited = driver.executableQuery("""
                        MATCH (:Person {id: 'elon-musk'})-[o:OWNS]->(:Organization {id: 'x'})
                        RETURN o.sources AS sources, o.quotes AS quotes
                        """).execute().records().getFirst();
        assertThat(cited.get("sources").asList(org.neo4j.driver.Value::asString))
                .containsExactly("seed-article", summary.sourceId());
        // The file's passage for the fact is the fact's own line of the file, word for word.
        var line = cited.get("quotes").asList(org.neo4j.driver.Value::asString).get(1);
        assertThat(Files.readAllLines(file)).contains(line);
        assertThat(JSON.readTree(line).get("id").asString()).isEqualTo("ownership.elon-musk.x");
    }

    @Test
    void an_extract_from_elsewhere_brings_companies_people_ownership_and_directorships_each_citing_the_file()
            throws Exception {
        var file = work.resolve("extract.ftm.json");
        Files.writeString(file, """
                {"id": "NK-4fTxkQ", "schema": "Company", "properties": {"name": ["Acme Data Brokers Ltd"], "alias": ["Acme Data"], "country": ["gb"], "registrationNumber": ["01234567"]}}
                {"id": "Q99999901", "schema": "Person", "properties": {"name": ["Jane Example"], "weakAlias": ["JE"], "createdAt": ["2024-05-01"]}}
                {"id": "NK-holding", "schema": "Company", "properties": {"name": ["Acme Holdings plc"]}}
                {"id": "own-1", "schema": "Ownership", "properties": {"owner": ["NK-holding"], "asset": ["NK-4fTxkQ"], "percentage": ["75"], "startDate": ["2019-03-01"]}}
                {"id": "dir-1", "schema": "Directorship", "properties": {"director": ["Q99999901"], "organization": ["NK-4fTxkQ"], "role": ["Director"], "startDate": ["2020"]}}
                {"id": "san-1", "schema": "Sanction", "properties": {"entity": ["NK-4fTxkQ"], "program": ["Example list"]}}
                {"id": "ministry", "schema": "PublicBody", "properties": {"name": ["Ministry of Examples"]}}
                """);
        var before = TestSupport.fingerprint(driver);
        var dryRun = importer.run(file, true, QUIET);
        assertThat(dryRun.errors()).isEmpty();
        assertThat(dryRun.imported()).containsEntry("organizations", 3L).containsEntry("ownerships", 1L);
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);

        var summary = importer.run(file, false, QUIET);
        cleanups.add(() -> driver.executableQuery("""
                        MATCH (n) WHERE n.id IN ['nk-4ftxkq', 'q99999901', 'nk-holding', 'ministry', $source]
                        DETACH DELETE n
                        """)
                .withParameters(Map.of("source", summary.sourceId()))
                .execute());
        assertThat(summary.errors()).isEmpty();
        assertThat(summary.skipped())
                .containsEntry("Sanction entities (not a kind of fact imported from FtM)", 1L)
                .containsEntry("properties not read here: Person.createdAt", 1L);
        var row = driver.executableQuery("""
                        MATCH (h:Organization:Company {id: 'nk-holding'})-[o:OWNS]->(c:Organization:Company {id: 'nk-4ftxkq'})
                        MATCH (p:Person {id: 'q99999901'})-[r:ROLE]->(c)
                        MATCH (m:Organization:Agency {id: 'ministry'})
                        MATCH (s:Source {id: $source})
                        RETURN c.name AS name, c.aliases AS aliases, c.country AS country, o.share AS share,
                               o.since AS since, o.sources AS sources, r.title AS title, r.since AS roleSince,
                               r.quotes AS quotes, s.kind AS kind
                        """)
                .withParameters(Map.of("source", summary.sourceId()))
                .execute()
                .records()
                .getFirst();
        assertThat(row.get("name").asString()).isEqualTo("Acme Data Brokers Ltd");
        assertThat(row.get("aliases").asList(org.neo4j.driver.Value::asString)).containsExactly("Acme Data");
        assertThat(row.get("country").asString()).isEqualTo("GB");
        assertThat(row.get("share").asString()).isEqualTo("75");
        assertThat(row.get("since").asString()).isEqualTo("2019-03-01");
        assertThat(row.get("sources").asList(org.neo4j.driver.Value::asString)).containsExactly(summary.sourceId());
        assertThat(row.get("title").asString()).isEqualTo("Director");
        assertThat(row.get("roleSince").asString()).isEqualTo("2020");
        assertThat(row.get("quotes").asList(org.neo4j.driver.Value::asString).getFirst())
                .startsWith("{\"id\": \"dir-1\"");
        assertThat(row.get("kind").asString()).isEqualTo("DATASET");
    }

    @Test
    void a_bad_file_is_reported_line_by_line_and_nothing_is_written() throws Exception {
        var file = work.resolve("bad.ftm.json");
        Files.writeString(file, """
                {"id": "ok-1", "schema": "Company", "properties": {"name": ["Fine Company"]}}
                {"id": "bad-1", "schema": "Compnay", "properties": {"name": ["Typo Schema"]}}
                {"schema": "Person", "properties": {"name": ["No Id"]}}
                {"id": "bad-3", "schema": "Person", "properties": {"name": ["Wrong Property"], "asset": ["ok-1"]}}
                {"id": "bad-4", "schema": "Person", "properties": {"name": "not a list"}}
                not json at all
                {"id": "own-2", "schema": "Ownership", "properties": {"owner": ["nobody"], "asset": ["ok-1"]}}
                {"id": "bad-6", "schema": "LegalEntity", "properties": {"name": ["Abstract"]}}
                """);
        var before = TestSupport.fingerprint(driver);
        var summary = importer.run(file, false, QUIET);
        assertThat(summary.failed()).isTrue();
        assertThat(summary.errors())
                .anySatisfy(error -> assertThat(error).startsWith("line 2:").contains("unknown schema 'Compnay'"))
                .anySatisfy(error -> assertThat(error).startsWith("line 3:").contains("missing \"id\""))
                .anySatisfy(error -> assertThat(error)
                        .startsWith("line 4:")
                        .contains("Person has no property 'asset' in FtM (Ownership has)"))
                .anySatisfy(
                        error -> assertThat(error).startsWith("line 5:").contains("'name' must be a list of strings"))
                .anySatisfy(error -> assertThat(error).startsWith("line 6:").contains("not a JSON object"))
                .anySatisfy(error -> assertThat(error).startsWith("line 8:").contains("abstract schema"));
        assertThat(summary.lines().getFirst()).contains("nothing was written");
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);

        // Once the lines are fixed, the reference to an entity the file lacks is what is left to fix.
        Files.writeString(file, """
                {"id": "ok-1", "schema": "Company", "properties": {"name": ["Fine Company"]}}
                {"id": "own-2", "schema": "Ownership", "properties": {"owner": ["nobody"], "asset": ["ok-1"]}}
                """);
        var second = importer.run(file, false, QUIET);
        assertThat(second.errors())
                .containsExactly("line 2: entity 'own-2' (Ownership): its owner 'nobody' is not an entity of this file;"
                        + " include that entity or leave this line out");
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
    }

    @Test
    void a_quote_that_is_not_in_the_document_s_text_is_refused() throws Exception {
        var file = work.resolve("quote.ftm.json");
        Files.writeString(file, """
                {"id": "org.a", "schema": "Company", "properties": {"name": ["A"]}}
                {"id": "person.p", "schema": "Person", "properties": {"name": ["P"]}}
                {"id": "source.t", "schema": "PlainText", "properties": {"title": ["T"], "bodyText": ["P owns A."]}}
                {"id": "ownership.p.a", "schema": "Ownership", "properties": {"owner": ["person.p"], "asset": ["org.a"]}}
                {"id": "d", "schema": "Documentation", "properties": {"document": ["source.t"], "entity": ["person.p"], "role": ["evidence: ownership.p.a"], "summary": ["P sold A."]}}
                """);
        var before = TestSupport.fingerprint(driver);
        var summary = importer.run(file, false, QUIET);
        assertThat(summary.errors())
                .singleElement()
                .asString()
                .startsWith("line 5:")
                .contains("'P sold A.' is not a passage of the document's bodyText");
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
    }

    /**
     * The part of a graph FtM carries: organizations, people and sources (labels and properties),
     * ownership and roles (their properties and evidence, as pairs of source and quote), citations
     * and publishers; leaving out the file's own source and the evidence citing it.
     */
    private static List<Object> ftmPart(Driver driver, String fileSource) {
        var parameters = Map.<String, Object>of("file", fileSource);
        var nodes = driver.executableQuery("""
                        MATCH (n) WHERE (n:Organization OR n:Person OR n:Source) AND n.id <> $file
                        WITH n ORDER BY n.id
                        // When a database recorded a fact is its own, not part of what FtM carries.
                        RETURN collect([labels(n), n {.*, recordedAt: null, retractedAt: null}]) AS all
                        """)
                .withParameters(parameters)
                .execute()
                .records()
                .getFirst()
                .get("all")
                .asObject();
        var facts = driver.executableQuery("""
                        MATCH (a)-[r:OWNS|ROLE]->(b)
                        WITH a, r, b, [i IN range(0, size(coalesce(r.sources, [])) - 1)
                                       WHERE r.sources[i] <> $file
                                       | [r.sources[i], coalesce(r.quotes[i], r.quote)]] AS evidence
                        RETURN collect([a.id, type(r), b.id, evidence, r.title, r.since, r.until, r.share, r.former])
                               AS all
                        """)
                .withParameters(parameters)
                .execute()
                .records()
                .getFirst()
                .get("all")
                .asList(value -> value.asObject());
        var links = driver.executableQuery("""
                        MATCH (a:Source)-[r:CITES|PUBLISHED_BY]->(b)
                        RETURN collect([a.id, type(r), b.id]) AS all
                        """)
                .execute()
                .records()
                .getFirst()
                .get("all")
                .asList(value -> value.asObject());
        return List.of(nodes, sorted(facts), sorted(links));
    }

    private static List<Object> sorted(List<Object> rows) {
        return rows.stream().sorted(Comparator.comparing(String::valueOf)).toList();
    }

    /** Every ownership and role as it is now, put back after the test (imports append evidence to them). */
    private void restoreRelationshipFactsAfterwards() {
        var saved = driver
                .executableQuery("MATCH ()-[r:OWNS|ROLE]->() RETURN elementId(r) AS id, properties(r) AS properties")
                .execute()
                .records()
                .stream()
                .map(record -> Map.of(
                        "id", record.get("id").asString(),
                        "properties", record.get("properties").asMap()))
                .toList();
        cleanups.add(() -> driver.executableQuery(
                        "UNWIND $saved AS s MATCH ()-[r]->() WHERE elementId(r) = s.id SET r = s.properties")
                .withParameters(Map.of("saved", saved))
                .execute());
    }

    private static Map<String, JsonNode> read(Path file) throws Exception {
        var entities = new TreeMap<String, JsonNode>();
        for (var line : Files.readAllLines(file)) {
            var entity = JSON.readTree(line);
            entities.put(entity.get("id").asString(), entity);
        }
        return entities;
    }

    /** The export's entities that FtM import reads back: flows (and their documentation) stay behind. */
    /** The export without what an FtM import does not read back: flows, events and their documentation. */
    private static Map<String, JsonNode> withoutFlows(Map<String, JsonNode> entities) {
        var kept = new TreeMap<String, JsonNode>();
        entities.forEach((id, entity) -> {
            var role = entity.at("/properties/role/0").asString("");
            var schema = entity.get("schema").asString();
            if (!schema.equals("UnknownLink")
                    && !schema.equals("Event")
                    && !role.startsWith("evidence: flow.")
                    && !role.startsWith("evidence: event.")) {
                kept.put(id, entity);
            }
        });
        return kept;
    }

    /** The re-export without what the import added: the file's source, its documentation and its passages. */
    private static Map<String, JsonNode> withoutFileSource(Map<String, JsonNode> entities, String sourceId) {
        var kept = new TreeMap<String, JsonNode>();
        entities.forEach((id, entity) -> {
            if (id.equals("source." + sourceId)
                    || entity.at("/properties/document/0").asString("").equals("source." + sourceId)) {
                return;
            }
            var copy = (tools.jackson.databind.node.ObjectNode) entity.deepCopy();
            var summary = copy.at("/properties/summary");
            if (summary.isArray()) {
                var quotes = JSON.createArrayNode();
                summary.forEach(quote -> {
                    if (!quote.asString().startsWith("{\"id\"")) {
                        quotes.add(quote);
                    }
                });
                ((tools.jackson.databind.node.ObjectNode) copy.get("properties")).set("summary", quotes);
            }
            kept.put(id, copy);
        });
        return kept;
    }
}
