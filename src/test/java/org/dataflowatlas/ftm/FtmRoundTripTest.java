package org.dataflowatlas.ftm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dataflowatlas.OwnDatabase;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.export.GraphExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed exported as FtM and imported into an empty database of its own gives the same graph back,
 * and exports the same file again. In the own-database lane (the shared graph holds what other tests
 * leave behind, and the round trip needs the seed alone), seeded for the export and emptied for the import.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
class FtmRoundTripTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

    @TempDir
    Path work;

    @Test
    void the_seed_exported_as_ftm_and_imported_into_an_empty_database_gives_the_same_graph_back() throws Exception {
        var original = work.resolve("seed.ftm.json");
        var seed = OwnDatabase.fresh(true);
        seed.getBean(GraphExporter.class).export(GraphExporter.Format.FTM, null, original);
        var seedGraph = ftmPart(seed.getBean(Driver.class), "none");
        long seedEvents = seed.getBean(Driver.class)
                .executableQuery("MATCH (e:Event) WHERE NOT coalesce(e.retracted, false) RETURN count(e) AS n")
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
        var empty = OwnDatabase.fresh(false);
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
        assertThat(row.get("aliases").asList(org.neo4j.driver.Value::asString)).containsExactly("Twitter");

        // Importing the same file again changes nothing.
        var before = TestSupport.factFingerprint(target);
        var second = empty.getBean(FtmImporter.class).run(original, false, QUIET);
        assertThat(second.nodesCreated()).isZero();
        assertThat(second.relationshipsCreated()).isZero();
        assertThat(TestSupport.factFingerprint(target)).isEqualTo(before);
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
