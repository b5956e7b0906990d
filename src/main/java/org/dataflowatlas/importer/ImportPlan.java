package org.dataflowatlas.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an import will write, validated: the sources, fixed organizations and products, and
 * per table the rows turned into organization and flow parameters. Built before any write.
 */
record ImportPlan(
        String mapping,
        List<Map<String, Object>> sources,
        List<Map<String, Object>> organizations,
        List<Map<String, Object>> products,
        List<TablePlan> tables,
        List<RowError> errors) {

    record TablePlan(
            String file,
            long rowsRead,
            List<Map<String, Object>> organizations,
            List<Map<String, Object>> flows,
            List<Map<String, Object>> policies,
            Map<String, Long> skipped) {}

    long rowsRead() {
        return tables.stream().mapToLong(TablePlan::rowsRead).sum();
    }

    Map<String, Long> skipped() {
        var all = new LinkedHashMap<String, Long>();
        tables.forEach(table -> table.skipped().forEach((reason, count) -> all.merge(reason, count, Long::sum)));
        return all;
    }
}
