package org.dataflowatlas.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.OwnDatabase;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.evidence.Event;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.timeline.TimelineKind;
import org.dataflowatlas.timeline.TimelineService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The surveillance-events timeline through its mapping, in a seeded database of its own (the shared
 * one is the seed other tests read): real rows checked field by field, actors resolved through the
 * alias table, the summary quoted only from the entry whose text holds it, re-import, and bad files
 * refused whole with line and reason.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
class EventsImportTest {

    private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

    private static final Path EVENTS = Path.of("datasets/surveillance-events");

    private static ConfigurableApplicationContext context;
    private static Driver driver;
    private static EventsImporter importer;
    private static DatasetImportSummary first;

    @TempDir
    Path work;

    @BeforeAll
    static void importTheTimelineOnce() {
        context = OwnDatabase.fresh(true);
        driver = context.getBean(Driver.class);
        importer = context.getBean(EventsImporter.class);
        first = importer.run("surveillance-events", EVENTS, false, QUIET);
    }

    @Test
    void every_line_of_the_timeline_becomes_an_event() throws Exception {
        assertThat(first.errors()).isEmpty();
        long lines = Files.readAllLines(EVENTS.resolve("events.jsonl")).stream()
                .filter(line -> !line.isBlank())
                .count();
        assertThat(first.imported()).containsEntry("events", lines);
        var events = driver.executableQuery("MATCH (e:Event)-[:EVIDENCED_BY]->(s:Source {kind: 'DATASET'})"
                        + " WHERE s.id STARTS WITH 'capture-cascade-' RETURN count(DISTINCT e) AS n")
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
        assertThat(events).isEqualTo(lines);
    }

    @Test
    void the_timeline_of_dataminr_shows_the_reported_events_with_their_sources() {
        var timeline = context.getBean(TimelineService.class).timeline("dataminr", AsOf.NOW);
        var events = timeline.stream()
                .filter(entry -> entry.kind() == TimelineKind.EVENT)
                .map(entry -> (Event) entry.subject())
                .toList();
        assertThat(events)
                .extracting(Event::id, Event::date)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                "2016-05-09-twitter-blocks-dataminr-intelligence-agencies", "2016-05-09"),
                        org.assertj.core.groups.Tuple.tuple(
                                "2020-06-09-fbi-expands-dataminr-contract-george-floyd-protests", "2020-06-09"),
                        org.assertj.core.groups.Tuple.tuple(
                                "2023-10-09-dataminr-monitors-gaza-protests-lapd", "2023-10-09"));

        // One row field by field: involved bodies through the alias table, the sources it cites.
        var row = driver.executableQuery("""
                        MATCH (e:Event {id: '2016-05-09-twitter-blocks-dataminr-intelligence-agencies'})
                        MATCH (e)-[q:EVIDENCED_BY]->(entry:Source {id: 'capture-cascade-2016-05-09-twitter-blocks-dataminr-intelligence-agencies'})
                        RETURN e.title AS title, e.description AS description, q.quote AS quote, entry.text AS text,
                               entry.url AS url, entry.licence AS licence, entry.kind AS kind,
                               COLLECT { MATCH (e)-[:INVOLVES]->(n) RETURN n.id ORDER BY n.id } AS involves,
                               COLLECT { MATCH (e)-[r:EVIDENCED_BY]->(s:Source)<-[:CITES]-(entry)
                                         WHERE r.quote IS NULL
                                         MATCH (s)-[:PUBLISHED_BY]->(p:Organization)
                                         RETURN p.name + ' | ' + s.title + ' | ' + coalesce(s.published, '-') + ' | ' + s.url
                                         ORDER BY p.name } AS cited
                        """).execute().records().getFirst();
        assertThat(row.get("title").asString())
                .isEqualTo("Twitter Blocks Intelligence Agencies from Using Dataminr for Social Media Surveillance");
        assertThat(row.get("quote").asString())
                .isEqualTo(row.get("text").asString())
                .isEqualTo(row.get("description").asString())
                .startsWith("Twitter ");
        assertThat(row.get("kind").asString()).isEqualTo("DATASET");
        assertThat(row.get("licence").asString()).startsWith("CC BY-SA 4.0");
        assertThat(row.get("url").asString())
                .isEqualTo(
                        "https://github.com/markramm/CaptureCascadeTimeline/blob/ac9f68320a4df0a79b92400a2b6d88fe9e174ad1/"
                                + "timeline/data/events/2016-05-09--twitter-blocks-dataminr-intelligence-agencies.md");
        // Twitter is the seed's X, the CIA comes from the alias table, In-Q-Tel too.
        assertThat(row.get("involves").asList(Value::asString))
                .containsExactly("dataminr", "in-q-tel", "us-central-intelligence-agency", "x");
        assertThat(row.get("cited").asList(Value::asString))
                .hasSize(3)
                .allSatisfy(line ->
                        assertThat(line).containsPattern("^(CNN Money|TechCrunch|CNBC) \\| .+ \\| .+ \\| https?://"));
    }

    @Test
    void actors_are_resolved_by_the_alias_table_and_unknown_ones_get_a_kind_only_from_a_rule() {
        var row = driver.executableQuery("""
                        MATCH (ice:Organization:Agency {id: 'us-immigration-and-customs-enforcement'})
                        MATCH (flock:Organization:Vendor {id: 'flock-safety'})
                        MATCH (ss:Organization {id: 'us-secret-service'})
                        RETURN ice.jurisdiction AS jurisdiction, ice.inferred AS inferred, ice.aliases AS aliases,
                               COUNT { (ice)<-[:INVOLVES]-(:Event) } AS iceEvents,
                               COUNT { (flock)<-[:INVOLVES]-(:Event) } AS flockEvents,
                               COUNT { (ss)<-[:INVOLVES]-(:Event) } AS secretServiceEvents,
                               COUNT { (:Organization {id: 'immigration-and-customs-enforcement'}) } AS duplicates,
                               COUNT { (:Organization {name: 'privacy advocates'}) } AS leftAside
                        """).execute().records().getFirst();
        assertThat(row.get("jurisdiction").asString()).isEqualTo("FEDERAL");
        assertThat(row.get("inferred").asList(Value::asString)).containsExactly("kind");
        assertThat(row.get("aliases").asList(Value::asString)).contains("ICE", "Immigration and Customs Enforcement");
        // "ICE" and "Immigration and Customs Enforcement" both name it: 11 + 2 lines of the file, some naming both.
        assertThat(row.get("iceEvents").asInt()).isGreaterThanOrEqualTo(11);
        assertThat(row.get("flockEvents").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(row.get("secretServiceEvents").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(row.get("duplicates").asInt()).isZero();
        assertThat(row.get("leftAside").asInt()).isZero();

        // A rule gave the Sacramento police its kind, marked inferred; a name no rule matches gets none.
        var sacramento = driver.executableQuery("""
                        MATCH (o:Organization {id: 'sacramento-police-department'})
                        MATCH (none:Organization {id: 'white-house'})
                        RETURN o:Agency AS agency, o.jurisdiction AS jurisdiction, o.inferredBecause[0] AS because,
                               [l IN labels(none) WHERE l <> 'Organization'] AS noneLabels
                        """).execute().records().getFirst();
        assertThat(sacramento.get("agency").asBoolean()).isTrue();
        assertThat(sacramento.get("jurisdiction").asString()).isEqualTo("LOCAL");
        assertThat(sacramento.get("because").asString()).contains("rule");
        assertThat(sacramento.get("noneLabels").asList(Value::asString)).isEmpty();
    }

    @Test
    void a_quote_is_attached_only_to_a_source_whose_text_contains_it() {
        var misplaced = driver.executableQuery("""
                        MATCH (:Event)-[r:EVIDENCED_BY]->(s:Source) WHERE r.quote IS NOT NULL
                          AND (s.text IS NULL OR NOT s.text CONTAINS r.quote)
                        RETURN count(r) AS n
                        """)
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
        assertThat(misplaced).isZero();
    }

    @Test
    void importing_the_same_file_again_creates_nothing() {
        var before = TestSupport.factFingerprint(driver);
        var again = importer.run("surveillance-events", EVENTS, false, QUIET);
        assertThat(again.errors()).isEmpty();
        assertThat(again.nodesCreated()).isZero();
        assertThat(again.relationshipsCreated()).isZero();
        assertThat(TestSupport.factFingerprint(driver)).isEqualTo(before);
    }

    @Test
    void a_dry_run_reports_how_each_actor_was_read_and_writes_nothing() {
        var before = TestSupport.fingerprint(driver);
        var dry = importer.run("surveillance-events", EVENTS, true, QUIET);
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
        assertThat(dry.lines())
                .anySatisfy(line -> assertThat(line).contains("'Twitter' → Organization 'x'"))
                .anySatisfy(line -> assertThat(line).contains("'privacy advocates' left aside"));
    }

    @Test
    void a_bad_file_is_refused_with_line_and_reason_and_nothing_is_written() throws Exception {
        var good = Files.readAllLines(EVENTS.resolve("events.jsonl")).getFirst();
        var file = work.resolve("events.jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        List.of(
                                good.replace("\"id\": \"1999-01-01--", "\"id\": \"test-only-"),
                                "{\"id\": \"broken\", \"date\": \"2024-13-01\", \"title\": \"t\", \"actors\": [], \"path\": \"p\","
                                        + " \"sources\": [{\"title\": \"s\", \"url\": \"https://example.org/a\"}]}",
                                "{\"date\": \"2024\", \"title\": \"no id\"}",
                                "not json",
                                "{\"id\": \"no-url\", \"date\": \"2024\", \"title\": \"t\", \"actors\": [\"Dataminr\"], \"path\": \"p\","
                                        + " \"sources\": [{\"title\": \"s\", \"publisher\": \"Someone\"}]}")));
        var before = TestSupport.fingerprint(driver);
        var summary = importer.run("surveillance-events", file, false, QUIET);
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
        assertThat(summary.failed()).isTrue();
        assertThat(summary.errors())
                .containsExactly(
                        "events.jsonl:2: event 'broken': \"date\" '2024-13-01' is not a calendar date (Invalid value for"
                                + " MonthOfYear (valid values 1 - 12): 13): write YYYY, YYYY-MM or YYYY-MM-DD with a month"
                                + " from 01 to 12 and a day that month has.",
                        "events.jsonl:3: missing \"id\": every event needs a non-empty string id",
                        "events.jsonl:4: not a JSON object (Unrecognized token 'not': was expecting (JSON String, Number,"
                                + " Array, Object or token 'null', 'true' or 'false')); the file holds one event {\"id\","
                                + " \"date\", \"title\", \"summary\", \"actors\", \"sources\"} per line",
                        "events.jsonl:5: event 'no-url': sources[0] has no \"url\": a cited source needs the address to"
                                + " read it at");
        assertThat(summary.lines().getFirst()).contains("nothing was written");
        assertThat(driver.executableQuery("MATCH (e:Event {id: 'test-only-cellebrite-founded-israel-mobile-data'})"
                                + " RETURN count(e) AS n")
                        .execute()
                        .records()
                        .getFirst()
                        .get("n")
                        .asLong())
                .isZero();
        assertThat(Map.of("lines", summary.linesRead())).containsEntry("lines", 5L);
    }

    @Test
    void a_namesake_of_another_kind_is_kept_apart_and_reported() throws Exception {
        // The graph already holds an agency named as the alias table's vendor (as a sharing network may
        // list a company's account among its agencies).
        driver.executableQuery("CREATE (:Organization:Agency {id: 'namesake-agency', name: 'Namesake Works'})")
                .execute();
        var shipped = Files.readString(Path.of("cypher/import/surveillance-events.yaml"));
        var mapping = work.resolve("namesake-events.yaml");
        Files.writeString(
                mapping,
                shipped.replace("name: surveillance-events\n", "name: namesake-events\n")
                        .replace("idPrefix: capture-cascade-", "idPrefix: namesake-test-")
                        .replace(
                                "organizations:\n",
                                "organizations:\n  - {id: namesake-vendor, name: Namesake Works, kind: VENDOR}\n"));
        var events = work.resolve("events.jsonl");
        Files.writeString(
                events,
                "{\"id\": \"2024-01-01-namesake-sells-data\", \"date\": \"2024-01-01\", \"title\": \"Namesake Works"
                        + " sells data\", \"summary\": \"Namesake Works sells location data.\", \"actors\": [\"Namesake"
                        + " Works\"], \"path\": \"events/namesake.md\", \"sources\": [{\"title\": \"A report\", \"url\":"
                        + " \"https://example.org/namesake\", \"publisher\": \"Example News\", \"date\": \"2024-01-02\"}]}\n");

        var dry = importer.run(mapping.toString(), events, true, QUIET);
        assertThat(dry.errors()).isEmpty();
        assertThat(dry.lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("'Namesake Works' → Organization 'namesake-vendor'")
                        .contains("apart from 'namesake-agency' of the graph, which has the same name but is AGENCY"));

        var summary = importer.run(mapping.toString(), events, false, QUIET);
        assertThat(summary.errors()).isEmpty();
        var involved = driver.executableQuery("MATCH (:Event {id: '2024-01-01-namesake-sells-data'})-[:INVOLVES]->(o)"
                        + " RETURN collect(o.id) AS ids")
                .execute()
                .records()
                .getFirst()
                .get("ids")
                .asList(Value::asString);
        assertThat(involved).containsExactly("namesake-vendor");
    }
}
