package org.dataflowatlas.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.importer.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Traces over a slice of the real Flock sharing network (the first 2,500 or so sharing pairs of
 * {@code datasets/flock-sharing}, with every agency), checked against what the same rows
 * say, worked out here from the CSV: LINEAGE reaches exactly the agencies an agency shares with
 * (each shares its own camera reads, and nobody passes on what they received), UPSTREAM exactly the
 * agencies that share with it, and REACHABILITY over two hops the network two steps out.
 */
@AtlasIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlockTraceTest {

    private static final Path FLOCK = Path.of("datasets/flock-sharing");
    private static final String ACCESS = "agency_access20240426.csv";

    @Autowired
    Importer importer;

    @Autowired
    Driver driver;

    @Autowired
    GraphQlTester graphQl;

    /** Who shares with whom in the slice, by agency id: out and in. */
    private final Map<String, Set<String>> sharesWith = new LinkedHashMap<>();

    private final Map<String, Set<String>> sharedWithBy = new LinkedHashMap<>();

    @BeforeAll
    void importSlice() throws IOException {
        removeFlock();
        var slice = Files.createTempDirectory("flock-slice");
        var rows = new ArrayList<CSVRecord>();
        var header = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (var parser = header.parse(Files.newBufferedReader(FLOCK.resolve(ACCESS)))) {
            for (var row : parser) {
                // About 2,500 pairs, ending where the rows of one source agency end.
                if (rows.size() >= 2_500
                        && !row.get("src_agency_id").equals(rows.getLast().get("src_agency_id"))) {
                    break;
                }
                rows.add(row);
            }
        }
        try (var out = new PrintWriter(Files.newBufferedWriter(slice.resolve(ACCESS)))) {
            out.println("src_agency,external_agency,src_agency_id,external_agency_id");
            for (var row : rows) {
                out.println(CSVFormat.DEFAULT.format(
                        row.get("src_agency"),
                        row.get("external_agency"),
                        row.get("src_agency_id"),
                        row.get("external_agency_id")));
                sharesWith
                        .computeIfAbsent(row.get("src_agency_id"), k -> new LinkedHashSet<>())
                        .add(row.get("external_agency_id"));
                sharedWithBy
                        .computeIfAbsent(row.get("external_agency_id"), k -> new LinkedHashSet<>())
                        .add(row.get("src_agency_id"));
            }
        }
        Files.copy(FLOCK.resolve("agency20240426.csv"), slice.resolve("agency20240426.csv"));
        Files.writeString(
                slice.resolve("agency_policies.csv"),
                Files.readAllLines(FLOCK.resolve("agency_policies.csv")).getFirst() + "\n");
        importer.run("flock-sharing", List.of(slice), false, 5_000, new PrintWriter(Writer.nullWriter()));
    }

    @AfterAll
    void removeFlock() {
        try (var session = driver.session()) { // batches need an auto-commit transaction
            session.run("""
                            MATCH (n) WHERE n.id STARTS WITH 'flock-' OR n.id = 'the-news-and-observer'
                            CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS""").consume();
        }
    }

    @Test
    void lineage_downstream_reaches_exactly_the_agencies_an_agency_shares_with() {
        var origin = mostOf(sharesWith);
        var expected = new HashMap<String, Integer>();
        sharesWith.get(origin).stream().filter(id -> !id.equals(origin)).forEach(id -> expected.put(agency(id), 1));
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(reached(origin, "DOWNSTREAM", "LINEAGE", 4)).isEqualTo(expected);
    }

    @Test
    void lineage_upstream_reaches_exactly_the_agencies_that_share_with_one() {
        var origin = mostOf(sharedWithBy);
        var expected = new HashMap<String, Integer>();
        sharedWithBy.get(origin).stream().filter(id -> !id.equals(origin)).forEach(id -> expected.put(agency(id), 1));
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(reached(origin, "UPSTREAM", "LINEAGE", 4)).isEqualTo(expected);
    }

    @Test
    void reachability_over_two_hops_reaches_the_network_two_steps_out() {
        // The sharing agency whose partners share onward the most: a real second hop.
        var origin = sharesWith.keySet().stream()
                .max(Comparator.comparingInt((String id) -> twoHops(id).size()).thenComparing(id -> id))
                .orElseThrow();
        var expected = twoHops(origin);
        assertThat(expected).containsValue(2);
        assertThat(reached(origin, "DOWNSTREAM", "REACHABILITY", 2)).isEqualTo(expected);
    }

    /** Breadth first over the CSV's pairs: every agency within two steps, with its fewest steps. */
    private Map<String, Integer> twoHops(String origin) {
        var hops = new HashMap<String, Integer>();
        for (var first : sharesWith.getOrDefault(origin, Set.of())) {
            if (!first.equals(origin)) {
                hops.put(agency(first), 1);
            }
        }
        for (var first : sharesWith.getOrDefault(origin, Set.of())) {
            for (var second : sharesWith.getOrDefault(first, Set.of())) {
                if (!second.equals(origin) && !second.equals(first)) {
                    hops.putIfAbsent(agency(second), 2);
                }
            }
        }
        return hops;
    }

    private Map<String, Integer> reached(String origin, String direction, String mode, int maxHops) {
        var response = graphQl.documentName("trace")
                .variables(Map.of(
                        "from",
                        agency(origin),
                        "direction",
                        direction,
                        "mode",
                        mode,
                        "maxHops",
                        maxHops,
                        "limit",
                        5_000,
                        "maxPaths",
                        5_000))
                .execute();
        response.path("trace.truncated").entity(Boolean.class).isEqualTo(false);
        var ids = response.path("trace.reached[*].organization.id")
                .entityList(String.class)
                .get();
        var hops =
                response.path("trace.reached[*].hops").entityList(Integer.class).get();
        var reached = new HashMap<String, Integer>();
        for (int i = 0; i < ids.size(); i++) {
            reached.put(ids.get(i), hops.get(i));
        }
        return reached;
    }

    private static String mostOf(Map<String, Set<String>> pairs) {
        return pairs.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Set<String>> e) ->
                                e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .orElseThrow()
                .getKey();
    }

    private static String agency(String id) {
        return "flock-agency-" + id;
    }
}
