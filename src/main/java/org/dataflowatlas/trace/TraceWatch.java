package org.dataflowatlas.trace;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.graph.GraphWritten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The open {@code traceChanged} subscriptions. After each committed write (a mutation's commit, an
 * import's last batch, a Cypher load) every watched trace is compared, in recorded time, between
 * the instant it was last compared and now; a subscription hears of a change only when its trace
 * gained or lost something. A rolled-back mutation publishes nothing: its event waits for a commit
 * that never comes. The comparisons run one at a time on a thread of their own, off the writer's.
 */
@Service
public class TraceWatch {

    private static final Logger log = LoggerFactory.getLogger(TraceWatch.class);

    private final TraceChangeService changes;
    private final TraceService traces;
    private final TraceRepository repository;
    private final SubscriptionProperties limits;
    private final Map<Long, Watcher> watchers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("trace-watch").daemon().factory());

    TraceWatch(
            TraceChangeService changes,
            TraceService traces,
            TraceRepository repository,
            SubscriptionProperties limits) {
        this.changes = changes;
        this.traces = traces;
        this.repository = repository;
        this.limits = limits;
    }

    /** One subscriber of one trace, and the instant its trace was last compared at. */
    private static final class Watcher {
        final String key;
        final TraceRequest request;
        final Sinks.Many<TraceChanges> sink = Sinks.many().unicast().onBackpressureBuffer();
        volatile String since;

        Watcher(String key, TraceRequest request, String since) {
            this.key = key;
            this.request = request;
            this.since = since;
        }
    }

    /**
     * Opens a subscription for the key (empty: none), refused with what to do when a limit is
     * reached. The trace is walked once now, so an unknown origin is refused at once.
     */
    public synchronized Flux<TraceChanges> watch(TraceRequest request, String key) {
        if (watchers.size() >= limits.total()) {
            throw new InvalidInputException(
                    "This server has " + watchers.size()
                            + " traceChanged subscriptions open, its limit (dataflow.subscriptions.total): close one or try later.");
        }
        long mine = watchers.values().stream()
                .filter(watcher -> !key.isEmpty() && watcher.key.equals(key))
                .count();
        if (mine >= limits.perKey()) {
            throw new InvalidInputException("Your key has " + mine + " traceChanged subscriptions open, its limit"
                    + " (dataflow.subscriptions.per-key): close one first, or watch a wider trace (a larger maxHops, or"
                    + " UPSTREAM from the agency) that covers several.");
        }
        var since = repository.now();
        traces.trace(request);
        long id = ids.incrementAndGet();
        var watcher = new Watcher(key, request, since);
        watchers.put(id, watcher);
        return watcher.sink.asFlux().doFinally(signal -> watchers.remove(id));
    }

    /** How many subscriptions are open (for tests and the start-up report). */
    public int open() {
        return watchers.size();
    }

    // After the commit of the transaction that published it; at once for an import or a load, which publish after
    // theirs.
    @TransactionalEventListener(fallbackExecution = true)
    void written(GraphWritten event) {
        if (!watchers.isEmpty()) {
            worker.execute(this::compare);
        }
    }

    private void compare() {
        var until = repository.now();
        for (var entry : watchers.entrySet()) {
            var watcher = entry.getValue();
            if (until.compareTo(watcher.since) <= 0) {
                continue;
            }
            try {
                var changed = changes.changes(watcher.request, ChangeTime.RECORDED, watcher.since, until);
                watcher.since = until;
                if (!changed.gained().isEmpty()
                        || !changed.lost().isEmpty()
                        || !changed.gainedPaths().isEmpty()
                        || !changed.lostPaths().isEmpty()) {
                    watcher.sink.tryEmitNext(changed);
                }
            } catch (RuntimeException ex) {
                log.warn("traceChanged from {} ended: {}", watcher.request.from(), ex.getMessage());
                watchers.remove(entry.getKey());
                watcher.sink.tryEmitError(ex);
            }
        }
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
        watchers.values().forEach(watcher -> watcher.sink.tryEmitComplete());
        watchers.clear();
    }
}
