package org.dataflowatlas.ftm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.export.GraphExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** FtM entity files in, into the seeded graph: the seed's own export, an extract from elsewhere, and bad files refused whole (the round trip into an empty database is {@link FtmRoundTripTest}). */
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
}
