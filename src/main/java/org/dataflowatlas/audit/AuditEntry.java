package org.dataflowatlas.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change.
 *
 * @param id time-ordered id (newer entries have greater ids)
 * @param at when, as an ISO-8601 date-time in UTC
 * @param actor the key's name, or {@code cli:<user>} for the command line
 * @param operation the mutation's name, or {@code import:<mapping>} / {@code generate} for a batch
 * @param ids ids of the nodes the change wrote
 * @param detail what else helps to read the entry (a retraction's reason, a batch's rows)
 */
public record AuditEntry(
        String id,
        String at,
        String actor,
        String operation,
        List<String> ids,
        @Nullable String detail) {}
