package org.dataflowatlas.importer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.graph.Lineage;
import org.dataflowatlas.graph.Revisions;
import org.dataflowatlas.organization.OrgKind;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * Writes a validated plan in batches: each batch is one transaction of a few UNWIND statements,
 * so a failing batch is rolled back whole and the batches before it stay. Uses the driver's
 * managed transactions directly: batches need explicit transaction boundaries, retries on
 * transient errors and the update counters.
 */
final class ImportWriter {

    private static final String SOURCES = """
            UNWIND $sources AS row
            MERGE (s:Source {id: row.id})
            ON CREATE SET s.recordedAt = datetime.transaction()
            SET s.title = row.title, s.kind = row.kind, s.url = row.url, s.published = row.published,
                s.retrieved = row.retrieved, s.licence = row.licence, s.attribution = row.attribution
            WITH s, row WHERE row.publisher IS NOT NULL
            MATCH (p:Organization {id: row.publisher})
            MERGE (s)-[:PUBLISHED_BY]->(p)
            """;

    // Imports fill in what is missing and never overwrite what analysts (or the seed) wrote.
    private static final String ORGANIZATIONS = """
            UNWIND $rows AS row
            MERGE (o:Organization {id: row.id})
            SET o.name = coalesce(o.name, row.name),
                o.aliases = coalesce(o.aliases, row.aliases, []),
                o.country = coalesce(o.country, row.country),
                o.jurisdiction = coalesce(o.jurisdiction, row.jurisdiction),
                o.description = coalesce(o.description, row.description),
                o.group = coalesce(o.group, row.group, false),
                o.estimatedSize = coalesce(o.estimatedSize, row.estimatedSize)
            WITH o, row WHERE row.kindLabel IS NOT NULL AND none(label IN labels(o) WHERE label IN $kindLabels)
            SET o:$(row.kindLabel)
            """;

    private static final String PRODUCTS = """
            UNWIND $rows AS row
            MERGE (p:Product {id: row.id})
            SET p.name = coalesce(p.name, row.name), p.description = coalesce(p.description, row.description)
            WITH p, row WHERE row.offeredBy IS NOT NULL
            MATCH (o:Organization {id: row.offeredBy})
            MERGE (o)-[:OFFERS]->(p)
            """;

    /**
     * Flows, as the mapping says them: a row that changes what an earlier import or write said of a
     * flow keeps what it said before as a revision, for recorded time, as a correction through the
     * API does.
     */
    private static final String FLOWS = """
            UNWIND $rows AS row
            MATCH (s:Organization {id: row.from}), (t:Organization {id: row.to}), (src:Source {id: row.source})
            MERGE (f:DataFlow {id: row.id})
            WITH s, t, src, f, row
            CALL (f, row) {
              WITH f, row WHERE f.recordedAt < datetime.transaction()
                AND any(key IN keys(row.properties)
                        WHERE NOT coalesce(f[key] = row.properties[key], f[key] IS NULL AND row.properties[key] IS NULL))
            %s
            }
            SET f.untilRecordedAt = CASE WHEN row.properties.until IS NULL THEN null
                                         WHEN f.until = row.properties.until THEN f.untilRecordedAt
                                         ELSE datetime.transaction() END
            SET f += row.properties
            MERGE (s)-[:SENDS]->(f)
            MERGE (f)-[:TO]->(t)
            MERGE (f)-[:EVIDENCED_BY {quote: row.quote}]->(src)
            WITH f, row
            CALL (f, row) {
              UNWIND row.categories AS category
              MERGE (c:DataCategory {id: category.id})
              SET c.name = coalesce(c.name, category.name),
                  c.origin = coalesce(c.origin, category.origin),
                  c.description = coalesce(c.description, category.description)
              MERGE (f)-[:CARRIES]->(c)
            }
            CALL (f, row) {
              WITH f, row WHERE row.via IS NOT NULL
              MATCH (p:Product {id: row.via})
              MERGE (f)-[:VIA]->(p)
            }
            """.formatted(Revisions.keep("f"));

    private static final String POLICIES = """
            UNWIND $rows AS row
            MATCH (o:Organization {id: row.publisher}), (src:Source {id: row.source})
            MERGE (p:Policy {id: row.id})
            ON CREATE SET p.recordedAt = datetime.transaction()
            SET p.title = row.title, p.prohibitedPurposes = coalesce(p.prohibitedPurposes, []),
                p.prohibitedUses = row.prohibitedUses, p.description = row.description,
                p.effective = row.effective, p.url = row.url
            MERGE (o)-[:PUBLISHES]->(p)
            MERGE (p)-[:EVIDENCED_BY {quote: row.quote}]->(src)
            """;

    private final Driver driver;
    private final int batchSize;
    private final PrintWriter progress;
    private final @Nullable String actor;
    private final String operation;
    private boolean unmarked;
    private long nodesCreated;
    private long relationshipsCreated;
    private long propertiesSet;

    /**
     * Every batch also records an audit entry (who, which operation, the batch's ids) in its
     * transaction; with no actor (the benchmark's bare baseline) it writes the rows only.
     */
    ImportWriter(Driver driver, int batchSize, PrintWriter progress, @Nullable String actor, String operation) {
        this.driver = driver;
        this.batchSize = batchSize;
        this.progress = progress;
        this.actor = actor;
        this.operation = operation;
    }

    /** Writes the plan; a failing batch throws {@link ImportFailedException} saying what is in and how to resume. */
    void write(ImportPlan plan) {
        link(writeRows(plan));
    }

    /**
     * Writes the plan's rows, with the evidence dates of their flows, and returns the organizations
     * at either end of its flows, whose lineage links {@link #link} makes. Until then the lineage
     * mark is lifted, so an import that stops half way is linked again at the next start.
     */
    Set<String> writeRows(ImportPlan plan) {
        var kindLabels = Arrays.stream(OrgKind.values()).map(OrgKind::label).toList();
        // Organizations, then sources and products: flows refer to all three.
        var organizations = plan.organizations();
        for (int from = 0; from < organizations.size(); from += batchSize) {
            var batch = organizations.subList(from, Math.min(organizations.size(), from + batchSize));
            transaction(
                    "organizations " + (from + 1) + "-" + (from + batch.size()),
                    batch,
                    tx -> count(tx.run(ORGANIZATIONS, Map.of("rows", batch, "kindLabels", kindLabels))
                            .consume()
                            .counters()));
        }
        var sourcesAndProducts = new ArrayList<>(plan.sources());
        sourcesAndProducts.addAll(plan.products());
        transaction("sources and products", sourcesAndProducts, tx -> {
            count(tx.run(SOURCES, Map.of("sources", plan.sources())).consume().counters());
            count(tx.run(PRODUCTS, Map.of("rows", plan.products())).consume().counters());
            if (maintainsLineage()) {
                Lineage.refreshSources(
                        statements(tx),
                        plan.sources().stream()
                                .map(row -> (String) row.get("id"))
                                .toList());
            }
        });
        progress.printf(
                "  %,d organizations, %d sources and %d products written%n",
                organizations.size(), plan.sources().size(), plan.products().size());
        for (var table : plan.tables()) {
            var policies = table.policies();
            for (int from = 0; from < policies.size(); from += batchSize) {
                var batch = policies.subList(from, Math.min(policies.size(), from + batchSize));
                transaction(
                        table.file() + " policies " + (from + 1) + "-" + (from + batch.size()),
                        batch,
                        tx -> count(tx.run(POLICIES, Map.of("rows", batch))
                                .consume()
                                .counters()));
            }
            if (!policies.isEmpty()) {
                progress.printf("  %s: %,d policies written%n", table.file(), policies.size());
            }
        }
        long total =
                plan.tables().stream().mapToLong(table -> table.flows().size()).sum();
        var touched = new LinkedHashSet<String>();
        if (maintainsLineage() && total > 0) {
            unmarked = driver.executableQuery(Lineage.unmark())
                            .execute()
                            .summary()
                            .counters()
                            .nodesDeleted()
                    > 0;
        }
        long done = 0;
        long started = System.nanoTime();
        for (var table : plan.tables()) {
            var flows = table.flows();
            for (int from = 0; from < flows.size(); from += batchSize) {
                var batch = flows.subList(from, Math.min(flows.size(), from + batchSize));
                int first = from + 1;
                int last = from + batch.size();
                try {
                    transaction(table.file() + " flows " + first + "-" + last, batch, tx -> {
                        count(tx.run(FLOWS, Map.of("rows", batch)).consume().counters());
                        if (maintainsLineage()) {
                            Lineage.refreshEvidenceDates(
                                    statements(tx),
                                    batch.stream()
                                            .map(row -> (String) row.get("id"))
                                            .toList());
                        }
                    });
                } catch (RuntimeException ex) {
                    throw new ImportFailedException(
                            "Writing " + table.file() + " flows " + first + "-" + last
                                    + " failed and that batch was rolled back: " + ex.getMessage()
                                    + ". Earlier batches are in"
                                    + " the database; fix the cause and run the same command again (import is idempotent:"
                                    + " what is in stays unchanged).",
                            ex);
                }
                if (maintainsLineage()) {
                    for (var row : batch) {
                        touched.add((String) row.get("from"));
                        touched.add((String) row.get("to"));
                    }
                }
                done += batch.size();
                report(table.file(), done, total, started);
            }
        }
        return touched;
    }

    /**
     * Makes the lineage links at each organization once, after the last batch: relinking per batch
     * would relink a busy agency in every batch that touches it. A failure here leaves the rows in
     * and the mark lifted; running the same import again, {@code lineage --rebuild} or a restart
     * links them.
     */
    void link(Set<String> organizations) {
        if (!maintainsLineage() || organizations.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        var ids = List.copyOf(organizations);
        int perTransaction = Math.max(1, batchSize / 10);
        for (int from = 0; from < ids.size(); from += perTransaction) {
            var batch = ids.subList(from, Math.min(ids.size(), from + perTransaction));
            try (var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> Lineage.refreshOrganizations(statements(tx), batch));
            } catch (RuntimeException ex) {
                throw new ImportFailedException(
                        "Every row is in, but making the lineage links failed: " + ex.getMessage()
                                + ". Traces miss links at some of these organizations until you run"
                                + " `dataflow-atlas lineage --rebuild` or the same import again.",
                        ex);
            }
        }
        if (unmarked) {
            driver.executableQuery(Lineage.mark()).execute();
        }
        progress.printf(
                "  lineage links made at %,d organizations in %.1f s%n",
                ids.size(), (System.nanoTime() - started) / 1e9);
        progress.flush();
    }

    /** The product keeps lineage links and evidence dates with every batch; the bare baseline writes rows only. */
    private boolean maintainsLineage() {
        return actor != null;
    }

    private static Lineage.Statements statements(org.neo4j.driver.TransactionContext tx) {
        return (cypher, parameters) -> tx.run(cypher, parameters).consume();
    }

    long nodesCreated() {
        return nodesCreated;
    }

    long relationshipsCreated() {
        return relationshipsCreated;
    }

    long propertiesSet() {
        return propertiesSet;
    }

    private void transaction(
            String detail, List<Map<String, Object>> rows, Consumer<org.neo4j.driver.TransactionContext> work) {
        var audit = actor == null
                ? null
                : AuditTrail.parameters(
                        actor,
                        operation,
                        rows.stream().map(row -> (String) row.get("id")).toList(),
                        detail);
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                work.accept(tx);
                if (audit != null) {
                    tx.run(AuditTrail.RECORD, audit).consume();
                }
            });
        }
    }

    private void count(SummaryCounters counters) {
        nodesCreated += counters.nodesCreated();
        relationshipsCreated += counters.relationshipsCreated();
        propertiesSet += counters.propertiesSet();
    }

    private void report(String file, long done, long total, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = seconds == 0 ? 0 : done / seconds;
        long eta = rate == 0 ? 0 : Math.round((total - done) / rate);
        progress.printf(
                "  %s: %,d/%,d flows (%d%%), %,.0f rows/s, ETA %d s%n",
                file, done, total, done * 100 / Math.max(1, total), rate, eta);
        progress.flush();
    }
}
