package org.dataflowatlas.datasets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a dataset import did (or, for a dry run, would do), or why it wrote nothing: counts of what it
 * imports, the decisions it made that a reviewer should see (resolutions, merges, near-misses, actors
 * left aside), and the database's counters.
 */
public record DatasetImportSummary(
        String what,
        boolean dryRun,
        long linesRead,
        Map<String, Long> imported,
        List<String> report,
        long nodesCreated,
        long relationshipsCreated,
        long propertiesSet,
        Duration elapsed,
        List<String> errors) {

    static final int MAX_ERRORS = 50;

    public boolean failed() {
        return !errors.isEmpty();
    }

    /** Lines for a terminal. */
    public List<String> lines() {
        var lines = new ArrayList<String>();
        if (failed()) {
            lines.add("Import of " + what + " found " + errors.size() + (errors.size() >= MAX_ERRORS ? "+" : "")
                    + " problem(s); nothing was written:");
            errors.forEach(error -> lines.add("  " + error));
            lines.add("Fix those lines (or the mapping) and run the same command again.");
            return lines;
        }
        lines.add((dryRun ? "Dry run of " : "Imported ") + what + ": " + linesRead + " records read"
                + (dryRun ? ", valid (nothing written)" : "") + " in %.1f s".formatted(elapsed.toMillis() / 1000.0));
        imported.forEach((name, count) -> lines.add("  " + count + " " + name));
        if (!dryRun) {
            lines.add("  " + nodesCreated + " nodes and " + relationshipsCreated + " relationships created, "
                    + propertiesSet + " properties set (importing the same files again creates nothing)");
        }
        report.forEach(line -> lines.add("  " + line));
        return lines;
    }
}
