package org.dataflowatlas.datasets;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.evidence.SourceKind;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Lineage;
import org.dataflowatlas.organization.Jurisdiction;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.security.Actor;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Component;

/**
 * Imports data-broker registries and brokers' lobbying filings through a registries mapping
 * ({@code cypher/import/data-brokers.yaml}). Each registry row is a registration event of one
 * broker; the same broker across registries is one organization when its name, legal form aside,
 * is the same; closer calls are left apart and reported. Every file is read and checked first; any
 * problem is reported with file, line and column and nothing is written. Then everything goes in one
 * transaction; writes fill in what is missing and never overwrite, so a re-import creates nothing.
 */
@Component
public class RegistriesImporter {

    private static final Set<String> TOP =
            Set.of("format", "name", "description", "brokerKind", "brokerKindReason", "registries", "lobbying");
    private static final Set<String> REGISTRY = Set.of(
            "id",
            "file",
            "headerLine",
            "label",
            "state",
            "year",
            "source",
            "name",
            "dba",
            "website",
            "email",
            "date",
            "details",
            "properties");
    private static final Set<String> SOURCE =
            Set.of("id", "title", "kind", "url", "published", "licence", "attribution", "publisher");
    private static final Set<String> PUBLISHER = Set.of("id", "name", "kind", "jurisdiction", "country", "aliases");
    private static final Set<String> COLUMN = Set.of("column", "property", "label", "format");
    private static final Set<String> LOBBYING =
            Set.of("year", "yearReason", "filings", "spending", "filingKind", "firmKind");
    private static final Set<String> LOBBYING_FILE = Set.of("file", "source");

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");
    private static final Pattern PARENT = Pattern.compile("(?i)an? (division|subsidiary|brand|unit) of ");

    private static final Pattern FORMERLY = Pattern.compile("(?i)^(formerly|previously|f/k/a)\\s+");

    private static final Pattern DBA =
            Pattern.compile("(?i)\\s*,?\\s+(?:dba|d/b/a|d\\.b\\.a\\.?|doing business as)\\s+");
    private static final Pattern HTTP = Pattern.compile("(?i)^https?://\\S+$");
    private static final NumberFormat DOLLARS = NumberFormat.getCurrencyInstance(Locale.US);

    static {
        DOLLARS.setMaximumFractionDigits(0);
    }

    // The properties of a registration or filing are the registry's own: set once, when created.
    private static final String EVENTS_WRITE = """
            UNWIND $rows AS row
            MERGE (e:Event {id: row.id})
            ON CREATE SET e += row.properties
            SET e.title = coalesce(e.title, row.title), e.date = coalesce(e.date, row.date),
                e.description = coalesce(e.description, row.description),
                e.amount = coalesce(e.amount, row.amount), e.currency = coalesce(e.currency, row.currency),
                e.inferred = coalesce(e.inferred, row.inferred), e.inferredBecause = coalesce(e.inferredBecause, row.inferredBecause)
            WITH e, row
            CALL (e, row) {
              UNWIND row.involves AS id
              MATCH (o:Organization {id: id})
              MERGE (e)-[:INVOLVES]->(o)
            }
            CALL (e, row) {
              UNWIND row.evidence AS item
              MATCH (s:Source {id: item.source})
              FOREACH (quote IN CASE WHEN item.quote IS NULL THEN [] ELSE [item.quote] END |
                MERGE (e)-[:EVIDENCED_BY {quote: quote}]->(s))
              FOREACH (ignored IN CASE WHEN item.quote IS NULL THEN [1] ELSE [] END |
                MERGE (e)-[:EVIDENCED_BY]->(s))
            }
            """;

    private final Driver driver;

    RegistriesImporter(Driver driver) {
        this.driver = driver;
    }

    /** A date pattern of the mapping, kept as written for messages. */
    private record DateFormat(DateTimeFormatter formatter, String pattern) {}

    /** One CSV record with its line and its text exactly as in the file. */
    private record Row(int line, Map<String, String> values, String raw) {
        String get(String column) {
            return values.getOrDefault(column, "").strip();
        }
    }

    /** A file read whole: its text (the held text of its source) and its records. */
    private record Table(String file, String text, List<Row> rows) {}

    /** One organization the import resolves names to: existing, or new. */
    private static final class Broker {
        final String id;
        final boolean existing;
        final String name;
        final Set<String> names = new LinkedHashSet<>();
        final Set<String> keys = new LinkedHashSet<>();
        final Set<String> where = new LinkedHashSet<>();
        final Set<String> websites = new LinkedHashSet<>();
        final Set<String> registries = new LinkedHashSet<>();

        @Nullable
        OrgKind kind;

        @Nullable
        String kindReason;

        Broker(String id, boolean existing, String name) {
            this.id = id;
            this.existing = existing;
            this.name = name;
        }
    }

    /** What the files will write, once every row has been checked and every name resolved. */
    private static final class Plan {
        final List<String> errors = new ArrayList<>();
        final Map<String, Broker> byKey = new HashMap<>();
        final Map<String, Broker> byId = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> publishers = new LinkedHashMap<>();
        final List<Map<String, Object>> events = new ArrayList<>();
        final Set<String> eventIds = new java.util.HashSet<>();
        final List<String> merges = new ArrayList<>();
        final Set<String> lobbyingNames = new java.util.HashSet<>();
        final List<String> lobbyingResolutions = new ArrayList<>();
        final Map<String, Long> counts = new LinkedHashMap<>();
        final Set<String> publicNamesakes = new TreeSet<>();

        @Nullable
        Map<String, Set<String>> existingByKey;

        long rows;

        void error(String file, int line, String reason) {
            var error = file + ":" + line + ": " + reason;
            if (errors.size() < DatasetImportSummary.MAX_ERRORS && !errors.contains(error)) {
                errors.add(error);
            }
        }

        void count(String what) {
            counts.merge(what, 1L, Long::sum);
        }

        String eventId(String base) {
            var id = base;
            for (int n = 2; !eventIds.add(id); n++) {
                id = base + "-" + n;
            }
            return id;
        }
    }

    public DatasetImportSummary run(String mappingName, Path folder, boolean dryRun, PrintWriter progress) {
        long started = System.nanoTime();
        var mapping = DatasetMapping.load(mappingName, "registries");
        var top = mapping.top();
        mapping.allow(top, TOP, "the top level");
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + " is not a folder: give the folder holding the registry files"
                    + " the mapping names (e.g. datasets/data-brokers).");
        }
        var known = KnownEntities.read(driver);
        var plan = new Plan();
        var brokerKind = mapping.enumValue(top, "brokerKind", OrgKind.class, "");
        var brokerKindReason = mapping.optionalText(top, "brokerKindReason", "");

        var registries = mapping.list(top, "registries");
        for (int i = 0; i < registries.size(); i++) {
            var registry = registries.get(i);
            var place = "registries[" + i + "]";
            mapping.allow(registry, REGISTRY, place);
            var file = mapping.text(registry, "file", place);
            progress.printf("Reading and checking %s…%n", folder.resolve(file));
            progress.flush();
            int headerLine = Integer.parseInt(mapping.text(registry, "headerLine", place));
            var table = read(folder.resolve(file), file, headerLine, plan);
            if (table == null) {
                continue;
            }
            var sourceId =
                    source(mapping, mapping.map(registry, "source"), place + ".source", table.text(), plan, known);
            registrations(mapping, registry, place, table, sourceId, brokerKind, brokerKindReason, known, plan);
            progress.printf("  %s: %d registrations%n", file, table.rows().size());
            progress.flush();
        }
        var lobbying = mapping.map(top, "lobbying");
        mapping.allow(lobbying, LOBBYING, "lobbying");
        lobbying(mapping, lobbying, folder, known, plan, progress);

        var report = new ArrayList<String>();
        var imported = new LinkedHashMap<String, Long>();
        imported.put("registrations (events)", plan.counts.getOrDefault("registration", 0L));
        imported.put("lobbying filings (events with amounts)", plan.counts.getOrDefault("filing", 0L));
        imported.put("lobbying spending totals (events with amounts)", plan.counts.getOrDefault("spending", 0L));
        imported.put(
                "registered brokers (organizations)",
                plan.byId.values().stream().filter(b -> !b.registries.isEmpty()).count());
        imported.put(
                "  of them already in the graph",
                plan.byId.values().stream()
                        .filter(b -> !b.registries.isEmpty() && b.existing)
                        .count());
        imported.put(
                "lobbying companies and firms no registry names (organizations)",
                plan.byId.values().stream()
                        .filter(b -> b.registries.isEmpty() && !b.existing)
                        .count());
        imported.put("sources", (long) plan.sources.size());
        imported.put("registry rows joined to a broker of an earlier row (merges)", (long) plan.merges.size());
        imported.put(
                "brokers in two registries",
                plan.byId.values().stream()
                        .filter(b -> b.registries.size() == 2)
                        .count());
        imported.put(
                "brokers in all three registries",
                plan.byId.values().stream()
                        .filter(b -> b.registries.size() == 3)
                        .count());
        report.add("merges (one organization for rows whose names are the same, legal form aside):");
        plan.merges.forEach(line -> report.add("  " + line));
        report.add("lobbying companies and firms, by name:");
        plan.lobbyingResolutions.forEach(line -> report.add("  " + line));
        var nearMisses = new ArrayList<>(nearMisses(plan));
        nearMisses.addAll(plan.publicNamesakes);
        imported.put("near-misses left apart", (long) nearMisses.size());
        report.add("near-misses left apart (join them with mergeOrganizations if they are one):");
        nearMisses.forEach(line -> report.add("  " + line));
        String what = "registries in " + folder + " (mapping " + mapping.where() + ")";
        if (!plan.errors.isEmpty() || dryRun) {
            return new DatasetImportSummary(
                    what,
                    dryRun,
                    plan.rows,
                    imported,
                    plan.errors.isEmpty() ? report : List.of(),
                    0,
                    0,
                    0,
                    Duration.ofNanos(System.nanoTime() - started),
                    plan.errors);
        }
        progress.printf(
                "Writing %d events, %d organizations and %d sources in one transaction…%n",
                plan.events.size(), plan.byId.size(), plan.sources.size());
        progress.flush();
        var organizations = new ArrayList<Map<String, Object>>(plan.publishers.values());
        for (var broker : plan.byId.values()) {
            if (broker.existing) {
                continue;
            }
            var row = new HashMap<String, Object>();
            row.put("id", broker.id);
            row.put("name", broker.name);
            row.put(
                    "aliases",
                    broker.names.stream().filter(n -> !n.equals(broker.name)).toList());
            row.put(
                    "website",
                    broker.websites.isEmpty()
                            ? null
                            : broker.websites.iterator().next());
            row.put("kindLabel", broker.kind == null ? null : broker.kind.label());
            if (broker.kind != null && broker.kindReason != null) {
                EventsImporter.inferred(row, "kind", broker.kindReason);
            }
            organizations.add(row);
        }
        var counters = new long[3];
        var kindLabels = Arrays.stream(OrgKind.values()).map(OrgKind::label).toList();
        var ids = plan.events.stream().map(row -> (String) row.get("id")).toList();
        var audit = AuditTrail.parameters(Actor.current(), "import:registries", ids, mapping.where());
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                Writes.run(
                        tx,
                        counters,
                        EventsImporter.ORGANIZATIONS_WRITE,
                        Map.of("rows", organizations, "kindLabels", kindLabels));
                Writes.run(
                        tx, counters, EventsImporter.SOURCES_WRITE, Map.of("rows", List.copyOf(plan.sources.values())));
                for (int from = 0; from < plan.events.size(); from += 500) {
                    Writes.run(
                            tx,
                            counters,
                            EVENTS_WRITE,
                            Map.of("rows", plan.events.subList(from, Math.min(plan.events.size(), from + 500))));
                    progress.printf("  %d/%d events%n", Math.min(plan.events.size(), from + 500), plan.events.size());
                    progress.flush();
                }
                Lineage.refreshSources(
                        (cypher, parameters) -> tx.run(cypher, parameters).consume(),
                        List.copyOf(plan.sources.keySet()));
                tx.run(AuditTrail.RECORD, audit).consume();
            });
        }
        progress.printf("  written%n");
        return new DatasetImportSummary(
                what,
                false,
                plan.rows,
                imported,
                report,
                counters[0],
                counters[1],
                counters[2],
                Duration.ofNanos(System.nanoTime() - started),
                List.of());
    }

    private static void registrations(
            DatasetMapping mapping,
            Map<String, Object> registry,
            String place,
            Table table,
            String sourceId,
            @Nullable OrgKind brokerKind,
            @Nullable String brokerKindReason,
            KnownEntities known,
            Plan plan) {
        var registryId = Ids.checkSlug(place + ".id", mapping.text(registry, "id", place));
        var label = mapping.text(registry, "label", place);
        var state = mapping.text(registry, "state", place);
        var year = mapping.optionalText(registry, "year", place);
        var nameColumn = column(mapping.text(registry, "name", place));
        var dbaColumn = column(mapping.optionalText(registry, "dba", place));
        var websiteColumn = column(mapping.optionalText(registry, "website", place));
        var emailColumn = column(mapping.optionalText(registry, "email", place));
        String dateColumn = null;
        DateFormat dateFormat = null;
        if (registry.get("date") != null) {
            var date = mapping.map(registry, "date");
            mapping.allow(date, COLUMN, place + ".date");
            dateColumn = column(mapping.text(date, "column", place + ".date"));
            dateFormat = formatter(mapping, date, place + ".date");
        } else if (year == null) {
            throw mapping.error(place, "needs a `date` column or the `year` of the registry");
        }
        var details = mapping.list(registry, "details");
        var properties = mapping.list(registry, "properties");
        var wanted = new ArrayList<String>();
        wanted.add(nameColumn);
        for (var optional : new @Nullable String[] {dbaColumn, websiteColumn, emailColumn, dateColumn}) {
            if (optional != null) {
                wanted.add(optional);
            }
        }
        for (var list : List.of(details, properties)) {
            for (var item : list) {
                mapping.allow(item, COLUMN, place);
                wanted.add(column(mapping.text(item, "column", place)));
            }
        }
        var present = table.rows().isEmpty()
                ? Set.<String>of()
                : table.rows().getFirst().values().keySet();
        for (var column : wanted) {
            if (!table.rows().isEmpty() && !present.contains(column)) {
                plan.errors.add(table.file() + ": has no column '" + column + "' (the mapping " + mapping.where()
                        + " reads it at " + place + "); its columns are " + present);
                return;
            }
        }
        for (var row : table.rows()) {
            var name = row.get(nameColumn);
            if (name.isEmpty()) {
                plan.error(
                        table.file(),
                        row.line(),
                        "column '" + nameColumn + "' is empty: a registration needs the" + " broker's name");
                continue;
            }
            String date = year;
            if (dateColumn != null) {
                date = date(row, dateColumn, dateFormat, table.file(), plan);
                if (date == null) {
                    continue;
                }
            }
            var names = new ArrayList<String>();
            // "Spy Dialer, Inc. dba SpyDialer.com": the registrant names its trade name itself.
            names.addAll(Arrays.stream(DBA.split(name))
                    .map(String::strip)
                    .filter(n -> !n.isEmpty())
                    .toList());
            var dba = dbaColumn == null ? "" : row.get(dbaColumn);
            if (!dba.isEmpty() && !dba.equalsIgnoreCase("n/a") && !dba.equalsIgnoreCase("none")) {
                for (var tradeName : tradeNames(dba)) {
                    if (!names.contains(tradeName)) {
                        names.add(tradeName);
                    }
                }
            }
            var website = websiteColumn == null ? null : website(row.get(websiteColumn));
            var broker = broker(names, label + ", line " + row.line(), registryId, known, plan);
            if (website != null) {
                broker.websites.add(website);
            }
            if (!broker.existing && broker.kind == null) {
                broker.kind = brokerKind;
                broker.kindReason = brokerKindReason;
            }
            var eventProperties = new LinkedHashMap<String, Object>();
            eventProperties.put("registry", label);
            eventProperties.put("registeredName", name);
            if (names.size() > 1) {
                eventProperties.put("doingBusinessAs", String.join("; ", names.subList(1, names.size())));
            }
            if (website != null) {
                eventProperties.put("website", row.get(websiteColumn));
            }
            if (emailColumn != null && !row.get(emailColumn).isEmpty()) {
                eventProperties.put("email", row.get(emailColumn));
            }
            for (var item : properties) {
                var column = column(mapping.text(item, "column", place));
                var value = row.get(column);
                if (value.isEmpty()) {
                    continue;
                }
                if (item.get("format") != null) {
                    value = date(row, column, formatter(mapping, item, place), table.file(), plan);
                    if (value == null) {
                        continue;
                    }
                }
                eventProperties.put(mapping.text(item, "property", place), value);
            }
            var description = new ArrayList<String>();
            for (var item : details) {
                var column = column(mapping.text(item, "column", place));
                var value = row.get(column);
                if (value.isEmpty()) {
                    continue;
                }
                eventProperties.put(mapping.text(item, "property", place), value);
                description.add(mapping.text(item, "label", place) + ": " + value);
            }
            var event = new HashMap<String, Object>();
            event.put("id", plan.eventId("registration-" + registryId + "-" + broker.id));
            event.put("title", name + " registered as a data broker in " + state + " (" + label + ")");
            event.put("date", date);
            event.put("description", description.isEmpty() ? null : String.join("\n", description));
            event.put("properties", eventProperties);
            event.put("involves", List.of(broker.id));
            event.put("evidence", List.of(Map.of("source", sourceId, "quote", row.raw())));
            plan.events.add(event);
            plan.count("registration");
        }
    }

    private static void lobbying(
            DatasetMapping mapping,
            Map<String, Object> lobbying,
            Path folder,
            KnownEntities known,
            Plan plan,
            PrintWriter progress) {
        var year = mapping.text(lobbying, "year", "lobbying");
        var yearReason = mapping.text(lobbying, "yearReason", "lobbying");
        var filingKind = mapping.enumValue(lobbying, "filingKind", SourceKind.class, "lobbying");
        var firmKind = mapping.enumValue(lobbying, "firmKind", OrgKind.class, "lobbying");
        var filings = mapping.map(lobbying, "filings");
        mapping.allow(filings, LOBBYING_FILE, "lobbying.filings");
        var filingsFile = mapping.text(filings, "file", "lobbying.filings");
        progress.printf("Reading and checking %s…%n", folder.resolve(filingsFile));
        var table = read(folder.resolve(filingsFile), filingsFile, 1, plan);
        if (table != null) {
            var sourceId = source(
                    mapping, mapping.map(filings, "source"), "lobbying.filings.source", table.text(), plan, known);
            for (var row : table.rows()) {
                var filingId = row.get("filing_id");
                var url = row.get("url");
                var company = row.get("company");
                var client = row.get("client_name");
                var firm = row.get("lobbying_firm");
                var period = row.get("period");
                var spending = row.get("spending");
                int before = plan.errors.size();
                if (filingId.isEmpty() || company.isEmpty() || period.isEmpty()) {
                    plan.error(
                            filingsFile,
                            row.line(),
                            "columns 'filing_id', 'company' and 'period' are needed for a" + " filing");
                }
                if (!HTTP.matcher(url).matches()) {
                    plan.error(
                            filingsFile,
                            row.line(),
                            "column 'url': '" + url + "' is not the filing's web address" + " (http or https)");
                }
                var amount = spending.isEmpty() ? null : amount(spending, filingsFile, row.line(), "spending", plan);
                if (plan.errors.size() > before) {
                    continue;
                }
                var companyOrg = broker(
                        List.of(company), "lobbying filing, " + filingsFile + " line " + row.line(), null, known, plan);
                if (!client.isEmpty()) {
                    companyOrg.names.add(client);
                }
                companyKind(
                        companyOrg,
                        firmKind,
                        "Named as the client of a lobbying filing, which The Markup matched to"
                                + " a data-broker registry; COMPANY is our reading.");
                var involves = new ArrayList<String>(List.of(companyOrg.id));
                boolean selfFiler = row.get("is_self_filer").equalsIgnoreCase("TRUE");
                if (!firm.isEmpty() && !selfFiler) {
                    var firmOrg = broker(
                            List.of(firm), "lobbying firm, " + filingsFile + " line " + row.line(), null, known, plan);
                    companyKind(
                            firmOrg,
                            firmKind,
                            "Named as the lobbying firm of a Lobbying Disclosure Act filing;"
                                    + " COMPANY is our reading.");
                    if (!involves.contains(firmOrg.id)) {
                        involves.add(firmOrg.id);
                    }
                }
                var filingSource = "lda-filing-" + Ids.slugify(filingId);
                var source = new HashMap<String, Object>();
                source.put("id", filingSource);
                source.put(
                        "title", "Lobbying Disclosure Act filing " + filingId + ": " + client + ", " + row.get("type"));
                source.put("kind", (filingKind == null ? SourceKind.STATEMENT : filingKind).name());
                source.put("url", url);
                EventsImporter.inferred(
                        source,
                        "kind",
                        "A Lobbying Disclosure Act report is the filer's own"
                                + " declaration to the Senate; the dataset does not classify it.");
                plan.sources.putIfAbsent(filingSource, source);
                var title = client + ": lobbying, " + period + " " + year
                        + (selfFiler ? " (filed by itself)" : firm.isEmpty() ? "" : ", by " + firm)
                        + (amount == null ? "" : ": " + DOLLARS.format(amount));
                var properties = new LinkedHashMap<String, Object>();
                properties.put("filingId", filingId);
                properties.put("period", period);
                properties.put("reportType", row.get("type"));
                properties.put("lobbyingFirm", firm);
                properties.put("selfFiler", selfFiler);
                properties.put("client", client);
                if (!row.get("parent_company").isEmpty()) {
                    properties.put("parentCompany", row.get("parent_company"));
                }
                var event = new HashMap<String, Object>();
                event.put("id", plan.eventId("lobbying-filing-" + Ids.slugify(filingId)));
                event.put("title", title);
                event.put("date", year);
                event.put("amount", amount);
                event.put("currency", amount == null ? null : "USD");
                event.put("properties", properties);
                event.put("involves", involves);
                event.put(
                        "evidence",
                        List.of(Map.of("source", sourceId, "quote", row.raw()), Map.of("source", filingSource)));
                EventsImporter.inferred(event, "date", yearReason);
                plan.events.add(event);
                plan.count("filing");
            }
        }
        var spending = mapping.map(lobbying, "spending");
        mapping.allow(spending, LOBBYING_FILE, "lobbying.spending");
        var spendingFile = mapping.text(spending, "file", "lobbying.spending");
        progress.printf("Reading and checking %s…%n", folder.resolve(spendingFile));
        var totals = read(folder.resolve(spendingFile), spendingFile, 1, plan);
        if (totals == null) {
            return;
        }
        var sourceId = source(
                mapping, mapping.map(spending, "source"), "lobbying.spending.source", totals.text(), plan, known);
        var columns = totals.rows().isEmpty()
                ? List.<String>of()
                : List.copyOf(totals.rows().getFirst().values().keySet());
        var totalColumn = column(year + " Spending");
        if (!totals.rows().isEmpty() && !columns.contains(totalColumn)) {
            plan.errors.add(spendingFile + ": has no column '" + totalColumn + "' (the year's total); its columns are "
                    + columns);
            return;
        }
        for (var row : totals.rows()) {
            var company = row.get("company");
            if (company.isEmpty()) {
                plan.error(spendingFile, row.line(), "column 'company' is empty");
                continue;
            }
            var total = amount(row.get(totalColumn), spendingFile, row.line(), totalColumn, plan);
            if (total == null) {
                continue;
            }
            var quarters = new ArrayList<String>();
            var properties = new LinkedHashMap<String, Object>();
            for (var column : columns) {
                if (column.equals("company")
                        || column.equals(totalColumn)
                        || row.get(column).isEmpty()) {
                    continue;
                }
                var amount = amount(row.get(column), spendingFile, row.line(), column, plan);
                if (amount != null) {
                    quarters.add(column + ": " + DOLLARS.format(amount));
                    properties.put(column, amount);
                }
            }
            var org = broker(
                    List.of(company), "lobbying spending, " + spendingFile + " line " + row.line(), null, known, plan);
            companyKind(
                    org,
                    firmKind,
                    "Named as a data-broker company in The Markup's lobbying totals; COMPANY is our reading.");
            var event = new HashMap<String, Object>();
            event.put("id", plan.eventId("lobbying-spending-" + year + "-" + org.id));
            event.put("title", company + " spent " + DOLLARS.format(total) + " on federal lobbying in " + year);
            event.put("date", year);
            event.put("amount", total);
            event.put("currency", "USD");
            event.put("description", "By quarter: " + String.join("; ", quarters));
            event.put("properties", properties);
            event.put("involves", List.of(org.id));
            event.put("evidence", List.of(Map.of("source", sourceId, "quote", row.raw())));
            plan.events.add(event);
            plan.count("spending");
        }
    }

    private static void companyKind(Broker broker, @Nullable OrgKind kind, String reason) {
        if (!broker.existing && broker.kind == null && broker.registries.isEmpty()) {
            broker.kind = kind;
            broker.kindReason = reason;
        }
    }

    /**
     * The organization these names (a name and its "doing business as") stand for: one the import
     * already made for a name with the same key, one of the graph with that name, or a new one.
     */
    private static Broker broker(
            List<String> names, String where, @Nullable String registry, KnownEntities known, Plan plan) {
        var keys =
                names.stream().map(Names::companyKey).filter(k -> !k.isEmpty()).toList();
        Broker found = null;
        for (var key : keys) {
            var broker = plan.byKey.get(key);
            if (broker != null && found == null) {
                found = broker;
            }
        }
        if (found == null) {
            for (var key : keys) {
                var existing = existingWithKey(key, known, plan);
                if (existing != null) {
                    found = plan.byId.computeIfAbsent(
                            existing, id -> new Broker(id, true, known.organizationNames.getOrDefault(id, id)));
                    found.keys.add(key);
                    break;
                }
            }
        }
        if (found == null) {
            var base = Ids.slugify(keys.isEmpty() ? names.getFirst() : keys.getFirst());
            var id = base;
            for (int n = 2; plan.byId.containsKey(id) || known.organizationIds.contains(id); n++) {
                id = base + "-" + n;
            }
            found = new Broker(id, false, names.getFirst().strip());
            plan.byId.put(id, found);
        } else if (registry != null && !found.registries.isEmpty()) {
            plan.merges.add("'" + String.join("' dba '", names) + "' (" + where + ") is '" + found.id + "', as "
                    + found.names.stream().map(n -> "'" + n + "'").toList() + " (" + String.join("; ", found.where)
                    + ")");
        }
        if (registry == null && plan.lobbyingNames.add(names.getFirst())) {
            plan.lobbyingResolutions.add("'" + names.getFirst() + "' (" + where + ") → '" + found.id + "'"
                    + (found.existing
                            ? " (already in the graph)"
                            : found.registries.isEmpty() ? " (no registry names it)" : " (a registered broker)"));
        }
        found.names.addAll(names.stream().map(String::strip).toList());
        if (registry != null) {
            found.where.add(where);
            found.registries.add(registry);
        }
        for (var key : keys) {
            found.keys.add(key);
            plan.byKey.putIfAbsent(key, found);
        }
        return found;
    }

    /**
     * The trade names a registry's DBA cell lists: "Quad, Rise" is two, "L2, Inc" one (a piece that is
     * only a legal form belongs to the name before it), "formerly FullContact, Inc." the former name,
     * and "a division of Predactiv" names a parent, not a trade name, so it is left out.
     */
    static List<String> tradeNames(String cell) {
        var names = new ArrayList<String>();
        for (var piece : cell.split("\\s*[,;\\n]\\s*")) {
            var name = piece.strip();
            if (name.isEmpty() || PARENT.matcher(name).lookingAt()) {
                continue;
            }
            if (Names.isLegalForm(name) && !names.isEmpty()) {
                names.set(names.size() - 1, names.getLast() + ", " + name);
                continue;
            }
            names.add(FORMERLY.matcher(name).replaceFirst(""));
        }
        return names;
    }

    private static @Nullable String existingWithKey(String key, KnownEntities known, Plan plan) {
        if (plan.existingByKey == null) {
            // Names first: a key that is one organization's name and another's alias is the first's.
            var byName = new HashMap<String, Set<String>>();
            var byAlias = new HashMap<String, Set<String>>();
            known.organizationNames.forEach((id, name) -> {
                byName.computeIfAbsent(Names.companyKey(name), k -> new TreeSet<>())
                        .add(id);
                known.organizationAliases
                        .getOrDefault(id, List.of())
                        .forEach(alias -> byAlias.computeIfAbsent(Names.companyKey(alias), k -> new TreeSet<>())
                                .add(id));
            });
            byAlias.forEach(byName::putIfAbsent);
            plan.existingByKey = byName;
        }
        var matches = plan.existingByKey.getOrDefault(key, Set.of());
        if (matches.size() != 1) {
            return null;
        }
        var match = matches.iterator().next();
        var kind = known.kindOf(match);
        if (kind == OrgKind.AGENCY || kind == OrgKind.COURT) {
            // The registries list businesses: a public body of the same name is a namesake, not the broker.
            plan.publicNamesakes.add("'" + key + "' and '" + match + "' (" + known.organizationNames.get(match)
                    + "): same name, but the graph's is " + kind + ", and a registry lists businesses");
            return null;
        }
        return match;
    }

    /** Pairs of organizations of this import that a reader might take for one, which the rules keep apart. */
    private static List<String> nearMisses(Plan plan) {
        var brokers = new ArrayList<>(plan.byId.values());
        var lines = new ArrayList<String>();
        for (int i = 0; i < brokers.size(); i++) {
            for (int j = i + 1; j < brokers.size(); j++) {
                var a = brokers.get(i);
                var b = brokers.get(j);
                var why = nearMiss(a, b);
                if (why != null) {
                    lines.add("'" + a.name + "' (" + a.id + ") and '" + b.name + "' (" + b.id + "): " + why);
                }
            }
        }
        return lines;
    }

    private static @Nullable String nearMiss(Broker a, Broker b) {
        for (var site : a.websites) {
            if (b.websites.contains(site)) {
                return "same website " + site;
            }
        }
        for (var x : a.keys) {
            for (var y : b.keys) {
                var shorter = x.length() <= y.length() ? x : y;
                var longer = x.length() <= y.length() ? y : x;
                if (x.equals(y)) {
                    return "'" + x + "' names both (the registered name of one, the 'doing business as' name of"
                            + " the other)";
                }
                if (shorter.length() >= 5 && longer.startsWith(shorter + " ")) {
                    return "one name begins with the other ('" + shorter + "')";
                }
                if (shorter.length() >= 8 && Math.abs(x.length() - y.length()) <= 2 && distance(x, y) <= 2) {
                    return "names " + distance(x, y) + " letter(s) apart ('" + x + "', '" + y + "')";
                }
            }
        }
        return null;
    }

    private static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A website as a comparable address: host without "www.", no scheme, no trailing slash; null when none. */
    static @Nullable String website(String text) {
        var site = text.strip().toLowerCase(Locale.ROOT);
        if (site.isEmpty() || site.equals("n/a") || site.equals("none")) {
            return null;
        }
        site = site.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
        int slash = site.indexOf('/');
        return slash >= 0 ? site.substring(0, slash) : site;
    }

    private static String source(
            DatasetMapping mapping,
            Map<String, Object> source,
            String place,
            String text,
            Plan plan,
            KnownEntities known) {
        mapping.allow(source, SOURCE, place);
        var id = Ids.checkSlug(place + ".id", mapping.text(source, "id", place));
        var kind = mapping.enumValue(source, "kind", SourceKind.class, place);
        var row = new HashMap<String, Object>();
        row.put("id", id);
        row.put("title", mapping.text(source, "title", place));
        row.put("kind", kind == null ? SourceKind.DATASET.name() : kind.name());
        row.put("url", mapping.optionalText(source, "url", place));
        row.put("published", mapping.optionalText(source, "published", place));
        row.put("licence", mapping.optionalText(source, "licence", place));
        row.put("attribution", mapping.optionalText(source, "attribution", place));
        row.put("text", text);
        row.put(
                "description",
                "The dataset file as shipped in datasets/data-brokers; the graph holds its text, so each registration's"
                        + " or filing's quote is its row, word for word.");
        if (source.get("publisher") != null) {
            var publisher = mapping.map(source, "publisher");
            mapping.allow(publisher, PUBLISHER, place + ".publisher");
            var publisherId =
                    Ids.checkSlug(place + ".publisher.id", mapping.text(publisher, "id", place + ".publisher"));
            var names = new ArrayList<String>(List.of(mapping.text(publisher, "name", place + ".publisher")));
            names.addAll(mapping.texts(publisher, "aliases", place + ".publisher"));
            var existing =
                    known.organizationIds.contains(publisherId) ? Set.of(publisherId) : known.organizations(names);
            if (existing.size() == 1) {
                publisherId = existing.iterator().next();
            } else {
                var kindValue = mapping.enumValue(publisher, "kind", OrgKind.class, place + ".publisher");
                var jurisdiction =
                        mapping.enumValue(publisher, "jurisdiction", Jurisdiction.class, place + ".publisher");
                var org = new HashMap<String, Object>();
                org.put("id", publisherId);
                org.put("name", names.getFirst());
                org.put("aliases", names.subList(1, names.size()));
                org.put("country", mapping.optionalText(publisher, "country", place + ".publisher"));
                org.put("jurisdiction", jurisdiction == null ? null : jurisdiction.name());
                org.put("kindLabel", kindValue == null ? null : kindValue.label());
                plan.publishers.putIfAbsent(publisherId, org);
            }
            row.put("publisher", publisherId);
        }
        plan.sources.putIfAbsent(id, row);
        return id;
    }

    private static @Nullable Table read(Path path, String file, int headerLine, Plan plan) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException ex) {
            plan.errors.add(file + ": is not UTF-8 text; convert it to UTF-8 and run the same command again");
            return null;
        } catch (IOException ex) {
            plan.errors.add(file + ": cannot be read (" + ex.getMessage() + ")");
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        var rows = new ArrayList<Row>();
        try (var parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(text))) {
            List<String> header = null;
            var records = parser.getRecords();
            int line = 1;
            int counted = 0;
            for (int r = 0; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                for (int at = (int) record.getCharacterPosition(); counted < at; counted++) {
                    if (text.charAt(counted) == '\n') {
                        line++;
                    }
                }
                if (line < headerLine) {
                    continue;
                }
                if (header == null) {
                    header = record.toList().stream()
                            .map(RegistriesImporter::column)
                            .toList();
                    continue;
                }
                long end = r + 1 < records.size() ? records.get(r + 1).getCharacterPosition() : text.length();
                var raw = text.substring((int) record.getCharacterPosition(), (int) end)
                        .stripTrailing();
                if (record.size() != header.size()) {
                    plan.error(
                            file,
                            line,
                            "the row has " + record.size() + " fields where the header has " + header.size()
                                    + "; quote fields holding commas or line breaks");
                    continue;
                }
                var values = new LinkedHashMap<String, String>();
                for (int i = 0; i < header.size(); i++) {
                    values.putIfAbsent(header.get(i), record.get(i));
                }
                rows.add(new Row(line, values, raw));
                plan.rows++;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (IllegalStateException | IllegalArgumentException ex) {
            plan.errors.add(file + ": is not valid CSV (" + ex.getMessage() + ")");
            return null;
        }
        return new Table(file, text, rows);
    }

    private static @Nullable String column(@Nullable String name) {
        return name == null ? null : SPACES.matcher(name).replaceAll(" ").strip();
    }

    private static DateFormat formatter(DatasetMapping mapping, Map<String, Object> item, String place) {
        var pattern = mapping.text(item, "format", place);
        try {
            return new DateFormat(
                    DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"), Locale.ROOT)
                            .withResolverStyle(ResolverStyle.STRICT),
                    pattern);
        } catch (IllegalArgumentException ex) {
            throw mapping.error(place + ".format", "is not a date pattern (" + ex.getMessage() + ")");
        }
    }

    /** A registry date written as the registry writes it, as an ISO 8601 date; null (and an error) when it is not one. */
    private static @Nullable String date(Row row, String column, @Nullable DateFormat format, String file, Plan plan) {
        var value = row.get(column);
        if (value.isEmpty()) {
            plan.error(file, row.line(), "column '" + column + "' is empty: the registration needs its date");
            return null;
        }
        try {
            return LocalDate.parse(value, format.formatter()).toString();
        } catch (DateTimeParseException ex) {
            plan.error(
                    file,
                    row.line(),
                    "column '" + column + "': '" + value + "' is not a date written " + format.pattern()
                            + ", as the mapping says this registry writes them");
            return null;
        }
    }

    private static @Nullable Double amount(String value, String file, int line, String column, Plan plan) {
        try {
            var amount = new BigDecimal(value.strip());
            if (amount.signum() < 0) {
                plan.error(
                        file,
                        line,
                        "column '" + column + "': '" + value + "' is negative; an amount spent is 0 or more");
                return null;
            }
            return amount.doubleValue();
        } catch (NumberFormatException ex) {
            plan.error(
                    file,
                    line,
                    "column '" + column + "': '" + value + "' is not a number (write 20000.0, without"
                            + " currency signs or thousands separators)");
            return null;
        }
    }
}
