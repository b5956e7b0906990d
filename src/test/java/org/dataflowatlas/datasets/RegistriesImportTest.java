package org.dataflowatlas.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The data-broker registries and lobbying files through their mapping, in a seeded database of its
 * own: one broker across three registries, a pair kept apart and reported, registrations quoting
 * their own rows, filings and spending with amounts, re-import, and bad files refused whole.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
class RegistriesImportTest {

    private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());

    private static final Path BROKERS = Path.of("datasets/data-brokers");

    private static ConfigurableApplicationContext context;
    private static Driver driver;
    private static RegistriesImporter importer;
    private static DatasetImportSummary first;

    @TempDir
    Path work;

    @BeforeAll
    static void importTheRegistriesOnce() {
        context = OwnDatabase.fresh(true);
        driver = context.getBean(Driver.class);
        importer = context.getBean(RegistriesImporter.class);
        first = importer.run("data-brokers", BROKERS, false, QUIET);
    }

    @Test
    void every_registry_row_is_a_registration_and_every_filing_an_event_with_its_amount() {
        assertThat(first.errors()).isEmpty();
        // 402 + 278 + 535 registry rows, 350 filings, 25 companies' totals: the files' own counts.
        assertThat(first.imported())
                .containsEntry("registrations (events)", 1215L)
                .containsEntry("lobbying filings (events with amounts)", 350L)
                .containsEntry("lobbying spending totals (events with amounts)", 25L);
        var count = driver.executableQuery(
                        "MATCH (e:Event) WHERE e.id STARTS WITH 'registration-' RETURN count(e) AS n")
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
        assertThat(count).isEqualTo(1215);
    }

    @Test
    void acxiom_is_one_organization_registered_in_all_three_registries_with_its_dates_and_opt_out() {
        var rows = driver.executableQuery("""
                        MATCH (o:Organization:Vendor {id: 'acxiom'})<-[:INVOLVES]-(e:Event)-[q:EVIDENCED_BY]->(s:Source)
                        WHERE e.id STARTS WITH 'registration-'
                        RETURN e.id AS id, e.date AS date, e.registeredName AS name, e.optOut AS optOut,
                               s.id AS source, s.text CONTAINS q.quote AS quoted, q.quote AS quote,
                               o.aliases AS aliases, o.inferred AS inferred
                        ORDER BY id
                        """).execute().records();
        assertThat(rows)
                .extracting(r -> r.get("id").asString() + " " + r.get("date").asString() + " "
                        + r.get("name").asString())
                .containsExactly(
                        "registration-california-2020-acxiom 2020-01-22 Acxiom LLC",
                        "registration-california-2025-acxiom 2025 Acxiom LLC",
                        "registration-vermont-2020-acxiom 2019-01-30 ACXIOM LLC");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("quoted").asBoolean()).isTrue();
            assertThat(r.get("quote").asString()).containsIgnoringCase("acxiom");
            assertThat(r.get("inferred").asList(Value::asString)).containsExactly("kind");
        });
        assertThat(rows.get(1).get("optOut").asString()).isEqualTo("https://www.acxiom.com/privacy/");
        assertThat(rows.get(2).get("aliases").asList(Value::asString)).contains("ACXIOM LLC");

        // Its lobbying: eight filings by two firms, 30,000 and 60,000 a quarter, and the year's total.
        var lobbying = driver.executableQuery("""
                        MATCH (o:Organization {id: 'acxiom'})<-[:INVOLVES]-(e:Event)
                        WHERE e.id STARTS WITH 'lobbying-'
                        RETURN e.id STARTS WITH 'lobbying-spending' AS total, e.amount AS amount, e.currency AS currency,
                               e.date AS date, e.inferred AS inferred,
                               COLLECT { MATCH (e)-[r:EVIDENCED_BY]->(s:Source) WHERE r.quote IS NULL RETURN s.url } AS filings
                        """).execute().records();
        var filings = lobbying.stream().filter(r -> !r.get("total").asBoolean()).toList();
        assertThat(filings).hasSize(8);
        assertThat(filings.stream().mapToDouble(r -> r.get("amount").asDouble()).sum())
                .isEqualTo(360000.0);
        assertThat(filings).allSatisfy(r -> {
            assertThat(r.get("currency").asString()).isEqualTo("USD");
            assertThat(r.get("date").asString()).isEqualTo("2020");
            assertThat(r.get("inferred").asList(Value::asString)).containsExactly("date");
            assertThat(r.get("filings").asList(Value::asString))
                    .singleElement()
                    .asString()
                    .startsWith("https://lda.senate.gov/filings/public/filing/");
        });
        assertThat(lobbying.stream().filter(r -> r.get("total").asBoolean()))
                .singleElement()
                .satisfies(r -> assertThat(r.get("amount").asDouble()).isEqualTo(360000.0));

        // The timeline tells it in order, each entry an event with its evidence.
        var timeline = context.getBean(TimelineService.class).timeline("acxiom", AsOf.NOW);
        assertThat(timeline)
                .filteredOn(entry -> entry.kind() == TimelineKind.EVENT)
                .extracting(entry -> ((Event) entry.subject()).date())
                .startsWith("2019-01-30", "2020", "2020");
    }

    @Test
    void companies_sharing_a_website_stay_apart_and_are_reported_as_near_misses() {
        var apart = driver.executableQuery("""
                        MATCH (a:Organization {id: 'experian-information-solutions'}), (b:Organization {id: 'experian-marketing-solutions'})
                        MATCH (c:Organization {id: 'pacificeast-research'}), (d:Organization {id: 'pacific-east-research'})
                        RETURN a.website AS a, b.website AS b, c.website AS c, d.website AS d
                        """).execute().records().getFirst();
        assertThat(apart.get("a").asString())
                .isEqualTo(apart.get("b").asString())
                .isEqualTo("experian.com");
        assertThat(apart.get("c").asString()).isEqualTo(apart.get("d").asString());
        assertThat(first.report())
                .contains("  'Experian Information Solutions, Inc.' (experian-information-solutions) and 'Experian"
                        + " Marketing Solutions, LLC.' (experian-marketing-solutions): same website experian.com")
                .anySatisfy(
                        line -> assertThat(line).contains("(pacificeast-research) and 'Pacific East Research Inc'"));
        // A trade name the registrant gives itself ("dba") joins the rows that use it.
        assertThat(first.report())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("  'Lead Intelligence, Inc.' dba 'Jornaya' (Vermont data-broker registry (2020),")
                        .contains("is 'lead-intelligence'"));
    }

    @Test
    void importing_the_same_files_again_creates_nothing() {
        var before = TestSupport.factFingerprint(driver);
        var again = importer.run("data-brokers", BROKERS, false, QUIET);
        assertThat(again.errors()).isEmpty();
        assertThat(again.nodesCreated()).isZero();
        assertThat(again.relationshipsCreated()).isZero();
        assertThat(TestSupport.factFingerprint(driver)).isEqualTo(before);
    }

    @Test
    void a_bad_file_is_refused_with_file_line_and_reason_and_nothing_is_written() throws Exception {
        var folder = Files.createDirectories(work.resolve("brokers"));
        for (var file : List.of("vt-data-brokers.csv", "california-registry-2025.csv", "period-spending.csv")) {
            Files.copy(BROKERS.resolve(file), folder.resolve(file));
        }
        var ca = Files.readAllLines(BROKERS.resolve("ca-data-brokers.csv")).getFirst();
        Files.writeString(
                folder.resolve("ca-data-brokers.csv"),
                String.join(
                        "\n",
                        List.of(
                                ca,
                                "\"Good Broker, Inc.\",\"a@b.c\",\"http://good.example\",\"addr\",\"opt out\",\"delete\",\"info\",\"01/29/2020\"",
                                "\"Late Broker, Inc.\",\"a@b.c\",\"http://late.example\",\"addr\",\"opt out\",\"delete\",\"info\",\"2020-01-29\"",
                                "\"\",\"a@b.c\",\"http://nameless.example\",\"addr\",\"opt out\",\"delete\",\"info\",\"01/29/2020\"",
                                "\"Short Broker\",\"a@b.c\"")));
        var filings = Files.readAllLines(BROKERS.resolve("data-broker-filings.csv"));
        Files.writeString(
                folder.resolve("data-broker-filings.csv"),
                String.join(
                        "\n",
                        List.of(filings.get(0), filings.get(1), filings.get(2).replace("40000.0", "forty"))));
        var before = TestSupport.fingerprint(driver);
        var summary = importer.run("data-brokers", folder, false, QUIET);
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
        assertThat(summary.errors())
                .containsExactly(
                        "ca-data-brokers.csv:5: the row has 2 fields where the header has 8; quote fields holding commas"
                                + " or line breaks",
                        "ca-data-brokers.csv:3: column 'Date Added': '2020-01-29' is not a date written MM/dd/yyyy, as"
                                + " the mapping says this registry writes them",
                        "ca-data-brokers.csv:4: column 'Data Broker Name' is empty: a registration needs the broker's name",
                        "data-broker-filings.csv:3: column 'spending': 'forty' is not a number (write 20000.0, without"
                                + " currency signs or thousands separators)");
        assertThat(summary.lines().getFirst()).contains("nothing was written");
    }

    @Test
    void a_public_body_of_a_brokers_name_is_not_taken_for_the_broker() throws Exception {
        driver.executableQuery("CREATE (:Organization:Agency {id: 'namesake-agency', name: 'Namesake Data'})")
                .execute();
        var folder = Files.createDirectories(work.resolve("namesake"));
        for (var file : List.of(
                "vt-data-brokers.csv",
                "california-registry-2025.csv",
                "period-spending.csv",
                "data-broker-filings.csv")) {
            Files.copy(BROKERS.resolve(file), folder.resolve(file));
        }
        var ca = Files.readAllLines(BROKERS.resolve("ca-data-brokers.csv")).getFirst();
        Files.writeString(
                folder.resolve("ca-data-brokers.csv"),
                ca + "\n\"Namesake Data, Inc.\",\"a@b.c\",\"http://namesake.example\",\"addr\",\"opt out\",\"delete\","
                        + "\"info\",\"01/29/2020\"\n");
        var before = TestSupport.fingerprint(driver);
        var dry = importer.run("data-brokers", folder, true, QUIET);
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
        assertThat(dry.errors()).isEmpty();
        assertThat(dry.lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("'namesake-agency' (Namesake Data): same name, but the graph's is AGENCY"));
        assertThat(dry.lines()).noneSatisfy(line -> assertThat(line).contains("→ 'namesake-agency'"));
    }
}
