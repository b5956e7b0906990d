package org.dataflowatlas.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.graph.Connection;
import org.dataflowatlas.graph.GraphWritten;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Paging;
import org.dataflowatlas.security.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit entries inside the caller's transaction and reads them back newest first. Entries
 * are only ever created: nothing in the API changes or deletes them.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    /**
     * The statement that records one entry; import batches run it in their own transaction. Its
     * instant is the transaction's, as the facts it writes are stamped ({@code recordedAt}), so an
     * entry and what it recorded carry the same instant.
     */
    public static final String RECORD = """
            CREATE (:AuditEntry {id: $id, at: datetime.transaction(), actor: $actor, operation: $operation,
                                 ids: $ids, detail: $detail})
            """;

    private static final String PAGE = """
            MATCH (a:AuditEntry)
            WHERE ($entity IS NULL OR $entity IN a.ids) AND ($after IS NULL OR a.id < $after)
            RETURN a.id AS id, toString(a.at) AS at, a.actor AS actor, a.operation AS operation,
                   a.ids AS ids, a.detail AS detail
            ORDER BY a.id DESC
            LIMIT $limit
            """;

    private static final String COUNT = """
            MATCH (a:AuditEntry) WHERE $entity IS NULL OR $entity IN a.ids
            RETURN count(a) AS total
            """;

    private final Neo4jClient neo4j;
    private final ApplicationEventPublisher events;

    AuditTrail(Neo4jClient neo4j, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.events = events;
    }

    /** Records a change made by the current actor; call it inside the transaction that makes the change. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void record(String operation, Collection<@Nullable String> ids, @Nullable String detail) {
        neo4j.query(RECORD)
                .bindAll(parameters(Actor.current(), operation, ids, detail))
                .run();
        // In the transaction: listeners waiting for its commit (trace subscriptions) hear only committed writes.
        events.publishEvent(new GraphWritten(operation));
    }

    /** The parameters of {@link #RECORD}. */
    public static Map<String, Object> parameters(
            String actor, String operation, Collection<@Nullable String> ids, @Nullable String detail) {
        var distinct = new LinkedHashSet<String>();
        ids.forEach(id -> {
            if (id != null) {
                distinct.add(id);
            }
        });
        var parameters = new HashMap<String, Object>();
        parameters.put("id", newId());
        parameters.put("actor", actor);
        parameters.put("operation", operation);
        parameters.put("ids", List.copyOf(distinct));
        parameters.put("detail", detail);
        return parameters;
    }

    public Connection<AuditEntry> page(int first, @Nullable String after, @Nullable String entity) {
        Paging.checkFirst(first);
        var afterId = Paging.afterId(after);
        if (entity != null) {
            Ids.checkSlug("entity", entity);
        }
        if (afterId != null && !afterId.startsWith("audit-")) {
            throw new InvalidInputException("after is not a cursor from auditLog: pass its endCursor.");
        }
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("entity", entity);
        parameters.put("after", afterId);
        parameters.put("limit", first + 1);
        var entries = neo4j
                .query(PAGE)
                .bindAll(parameters)
                .fetchAs(AuditEntry.class)
                .mappedBy((types, row) -> new AuditEntry(
                        row.get("id").asString(),
                        row.get("at").asString(),
                        row.get("actor").asString(),
                        row.get("operation").asString(),
                        row.get("ids").asList(value -> value.asString()),
                        row.get("detail").isNull() ? null : row.get("detail").asString()))
                .all()
                .stream()
                .toList();
        long total = neo4j.query(COUNT)
                .bind(entity)
                .to("entity")
                .fetchAs(Long.class)
                .one()
                .orElse(0L);
        return Paging.connection(entries, first, (int) total, afterId != null, AuditEntry::id);
    }

    /** Time-ordered and unique: milliseconds since the epoch, zero-padded, then random bits. */
    static String newId() {
        return "audit-%013d-%012x"
                .formatted(
                        Instant.now().toEpochMilli(),
                        ThreadLocalRandom.current().nextLong(1L << 48));
    }
}
