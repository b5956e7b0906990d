package org.dataflowatlas.ftm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an FtM import did (or, for a dry run, would do), or why it wrote nothing. */
public record FtmImportSummary(
        String file,
        String sourceId,
        boolean dryRun,
        long entitiesRead,
        Map<String, Long> imported,
        Map<String, Long> skipped,
        long nodesCreated,
        long relationshipsCreated,
        long propertiesSet,
        Duration elapsed,
        List<String> errors) {

    public boolean failed() {
        return !errors.isEmpty();
    }

    /** Lines for a terminal. */
    public List<String> lines() {
        var lines = new ArrayList<String>();
        if (failed()) {
            lines.add("FtM import of " + file + " found " + errors.size()
                    + (errors.size() >= FtmImporter.MAX_ERRORS ? "+" : "") + " problem(s); nothing was written:");
            errors.forEach(error -> lines.add("  " + error));
            lines.add("Fix those lines and run the same command again.");
            return lines;
        }
        lines.add((dryRun ? "Dry run of FtM file " : "Imported FtM file ") + file + ": " + entitiesRead
                + " entities read" + (dryRun ? ", valid (nothing written)" : "")
                + " in %.1f s".formatted(elapsed.toMillis() / 1000.0));
        imported.forEach((what, count) -> lines.add("  " + count + " " + what));
        if (!dryRun) {
            lines.add("  every fact cites the source " + sourceId + " (the file); " + nodesCreated + " nodes and "
                    + relationshipsCreated + " relationships created, " + propertiesSet
                    + " properties set (importing the same file again creates nothing)");
        }
        skipped.forEach((reason, count) -> lines.add("  left aside " + count + ": " + reason));
        return lines;
    }
}
