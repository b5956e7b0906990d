package org.dataflowatlas.importer;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.security.Actor;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Component;

/**
 * Realistic synthetic graphs for scale tests and benchmarks: platforms sell their users' posts to
 * vendors, vendors send alerts derived from them to agencies, agencies share their own camera
 * reads with each other; with dates, confidence and evidence. Deterministic for a seed. Written
 * with the import's batched writer; every id starts with {@code syn-}.
 */
@Component
public class SyntheticGraph {

    public static final int MAX_ORGANIZATIONS = 2_000_000;
    public static final long MAX_FLOWS = 20_000_000;

    private static final String DERIVATIONS = """
            UNWIND $rows AS row
            MATCH (c:DataCategory {id: row.id}), (parent:DataCategory {id: row.parent})
            MERGE (c)-[:DERIVED_FROM]->(parent)
            """;

    private final Driver driver;

    SyntheticGraph(Driver driver) {
        this.driver = driver;
    }

    public record Result(int organizations, long flows, Duration elapsed) {}

    public Result generate(int organizations, long flows, long seed, int batchSize, PrintWriter progress) {
        long started = System.nanoTime();
        var plan = plan(organizations, flows, seed);
        var writer = new ImportWriter(driver, batchSize, progress, Actor.current(), "generate");
        var touched = writer.writeRows(plan.plan());
        // Derivations go in before the links are made, so each organization is linked once.
        try (var session = driver.session()) {
            for (int from = 0; from < plan.derivations().size(); from += batchSize) {
                var batch = plan.derivations()
                        .subList(from, Math.min(plan.derivations().size(), from + batchSize));
                session.executeWriteWithoutResult(
                        tx -> tx.run(DERIVATIONS, Map.of("rows", batch)).consume());
            }
        }
        writer.link(touched);
        long written = plan.plan().tables().getFirst().flows().size();
        return new Result(organizations, written, Duration.ofNanos(System.nanoTime() - started));
    }

    record Plan(ImportPlan plan, List<Map<String, Object>> derivations) {}

    /** The graph for a seed, without writing it: the same arguments always give the same plan. */
    static Plan plan(int organizations, long flows, long seed) {
        if (organizations < 3 || organizations > MAX_ORGANIZATIONS) {
            throw new InvalidInputException("--organizations must be between 3 and " + MAX_ORGANIZATIONS + ".");
        }
        if (flows < 1 || flows > MAX_FLOWS) {
            throw new InvalidInputException("--flows must be between 1 and " + MAX_FLOWS + ".");
        }
        var random = new SplittableRandom(seed);
        int platforms = Math.max(1, organizations / 20);
        int vendors = Math.max(1, organizations * 3 / 20);
        int agencies = organizations - platforms - vendors;
        if (agencies < 1) {
            throw new InvalidInputException("--organizations is too small to make platforms, vendors and agencies.");
        }
        var sourceId = "syn-source-" + seed;
        var source = new HashMap<String, Object>();
        source.put("id", sourceId);
        source.put("title", "Synthetic graph (seed " + seed + ") — generated test data, not real findings");
        source.put("kind", "DATASET");
        source.put("url", null);
        // A fixed year, so known-time questions (asKnownOn) have dated evidence to read on generated graphs.
        source.put("published", "2025");
        source.put("retrieved", null);
        source.put("licence", null);
        source.put("attribution", "dataflow-atlas generate");
        source.put("publisher", null);

        var orgs = new ArrayList<Map<String, Object>>();
        String[] levels = {"FEDERAL", "STATE", "STATE", "LOCAL", "LOCAL", "LOCAL", "LOCAL"};
        for (int i = 0; i < organizations; i++) {
            var kind = i < platforms ? "Platform" : i < platforms + vendors ? "Vendor" : "Agency";
            var organization = new HashMap<String, Object>();
            organization.put("id", "syn-org-" + i);
            organization.put("name", "Synthetic " + kind + " " + i);
            organization.put("kindLabel", kind);
            organization.put("aliases", null);
            organization.put("country", "ZZ");
            organization.put("jurisdiction", kind.equals("Agency") ? levels[random.nextInt(levels.length)] : null);
            organization.put("description", null);
            organization.put("group", null);
            organization.put("estimatedSize", null);
            orgs.add(organization);
        }
        var derivations = new ArrayList<Map<String, Object>>();
        var vendorSource = new int[vendors];
        for (int v = 0; v < vendors; v++) {
            vendorSource[v] = random.nextInt(platforms);
            derivations.add(Map.of(
                    "id", "syn-cat-" + (platforms + v) + "-alerts", "parent", "syn-cat-" + vendorSource[v] + "-posts"));
        }
        var flowRows = new ArrayList<Map<String, Object>>();
        var seen = new HashSet<String>();
        String[] confidences = {"CONFIRMED", "CONFIRMED", "REPORTED", "REPORTED", "ALLEGED", "DISPUTED"};
        long attempts = 0;
        while (flowRows.size() < flows && attempts++ < flows * 20) {
            double shape = random.nextDouble();
            int from;
            int to;
            String category;
            String categoryName;
            String origin;
            String purpose;
            String access;
            if (shape < 0.15) { // platform -> vendor: the platform's posts
                int vendor = random.nextInt(vendors);
                from = random.nextDouble() < 0.7 ? vendorSource[vendor] : random.nextInt(platforms);
                to = platforms + vendor;
                category = "syn-cat-" + from + "-posts";
                categoryName = "Synthetic posts of platform " + from;
                origin = "syn-org-" + from;
                purpose = "COMMERCIAL";
                access = random.nextBoolean() ? "FIREHOSE" : "API";
            } else if (shape < 0.55) { // vendor -> agency: alerts derived from a platform's posts
                int vendor = random.nextInt(vendors);
                from = platforms + vendor;
                to = platforms + vendors + random.nextInt(agencies);
                category = "syn-cat-" + from + "-alerts";
                categoryName = "Synthetic alerts of vendor " + from;
                origin = "syn-org-" + vendorSource[vendor];
                purpose = random.nextDouble() < 0.8 ? "LAW_ENFORCEMENT" : "PUBLIC_SAFETY";
                access = "ALERTS";
            } else { // agency -> agency: the sender's own camera reads
                from = platforms + vendors + random.nextInt(agencies);
                to = platforms + vendors + random.nextInt(agencies);
                category = "syn-cat-" + from + "-reads";
                categoryName = "Synthetic camera reads of agency " + from;
                origin = "syn-org-" + from;
                purpose = "LAW_ENFORCEMENT";
                access = "SHARED_NETWORK";
            }
            var id = "syn-flow-" + from + "-to-" + to;
            if (from == to || !seen.add(id)) {
                continue;
            }
            int sinceYear = 2010 + random.nextInt(15);
            String since = random.nextBoolean()
                    ? Integer.toString(sinceYear)
                    : sinceYear + "-%02d".formatted(1 + random.nextInt(12));
            @Nullable
            String until = random.nextDouble() < 0.2 ? Integer.toString(sinceYear + 1 + random.nextInt(3)) : null;
            var properties = new LinkedHashMap<String, Object>();
            properties.put("purpose", purpose);
            properties.put("accessMethod", access);
            properties.put("confidence", confidences[random.nextInt(confidences.length)]);
            properties.put("realTime", !access.equals("SHARED_NETWORK"));
            properties.put("since", since);
            properties.put("until", until);
            properties.put("description", null);
            var categoryRow = new HashMap<String, Object>();
            categoryRow.put("id", category);
            categoryRow.put("name", categoryName);
            categoryRow.put("origin", origin);
            categoryRow.put("description", null);
            var flow = new HashMap<String, Object>();
            flow.put("id", id);
            flow.put("from", "syn-org-" + from);
            flow.put("to", "syn-org-" + to);
            flow.put("categories", List.of(categoryRow));
            flow.put("via", null);
            flow.put("source", sourceId);
            flow.put("quote", "synthetic flow " + flowRows.size());
            flow.put("properties", properties);
            flowRows.add(flow);
        }
        var table = new ImportPlan.TablePlan("synthetic", flowRows.size(), List.of(), flowRows, List.of(), Map.of());
        var plan = new ImportPlan("generate", List.of(source), orgs, List.of(), List.of(table), List.of());
        return new Plan(plan, derivations);
    }
}
