package org.dataflowatlas.importer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an import did (or, for a dry run, would do). */
public record ImportSummary(
        String mapping,
        boolean dryRun,
        long rowsRead,
        long organizations,
        long flows,
        Map<String, Long> skipped,
        long nodesCreated,
        long relationshipsCreated,
        long propertiesSet,
        Duration elapsed,
        List<RowError> errors) {

    public double rowsPerSecond() {
        return elapsed.isZero() ? 0 : rowsRead / (elapsed.toNanos() / 1e9);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    /** Lines for a terminal. */
    public List<String> lines() {
        var lines = new ArrayList<String>();
        if (failed()) {
            lines.add("Import '" + mapping + "' found " + errors.size()
                    + (errors.size() >= ImportPlanner.MAX_ERRORS ? "+" : "") + " problem(s); nothing was written:");
            errors.forEach(error -> lines.add("  " + error));
            lines.add("Fix the rows (or the mapping) and run the same command again.");
            return lines;
        }
        lines.add((dryRun ? "Dry run of '" : "Imported '") + mapping + "': " + rowsRead + " rows read, " + organizations
                + " organizations and " + flows + " flows " + (dryRun ? "valid (nothing written)" : "written")
                + " in %.1f s (%,.0f rows/s)".formatted(elapsed.toMillis() / 1000.0, rowsPerSecond()));
        if (!dryRun) {
            lines.add("  " + nodesCreated + " nodes and " + relationshipsCreated + " relationships created, "
                    + propertiesSet + " properties set (re-importing the same files creates nothing)");
        }
        skipped.forEach((reason, count) -> lines.add("  skipped " + count + " rows: " + reason));
        return lines;
    }
}
