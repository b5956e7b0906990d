package org.dataflowatlas.trace;

import java.time.OffsetDateTime;
import java.util.List;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.graphql.WebSocketActor;
import org.dataflowatlas.organization.OrgKind;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * trace, paths and exposure. Their statements return the organizations and flows of every path, so
 * Trace, Reach and FlowPath fields are plain properties.
 */
@Controller
class TraceController {

    private final TraceService traces;
    private final ExposureService exposures;

    private final TraceChangeService changes;
    private final TraceWatch watch;

    TraceController(TraceService traces, ExposureService exposures, TraceChangeService changes, TraceWatch watch) {
        this.traces = traces;
        this.exposures = exposures;
        this.changes = changes;
        this.watch = watch;
    }

    @SubscriptionMapping
    Flux<TraceChanges> traceChanged(
            @Argument String from,
            @Argument Direction direction,
            @Argument TraceMode mode,
            @Argument int maxHops,
            @Argument @Nullable PartialDate activeOn,
            @Argument @Nullable List<Purpose> purposes,
            @Argument @Nullable Confidence minConfidence,
            @Argument @Nullable List<String> categories,
            @Argument @Nullable List<OrgKind> toKinds,
            @Argument int limit,
            @Argument int maxPaths,
            @ContextValue(name = WebSocketActor.ACTOR, required = false) @Nullable String actor) {
        return watch.watch(
                TraceRequest.from(from)
                        .direction(direction)
                        .mode(mode)
                        .maxHops(maxHops)
                        .activeOn(activeOn)
                        .purposes(purposes)
                        .minConfidence(minConfidence)
                        .categories(categories)
                        .toKinds(toKinds)
                        .limit(limit)
                        .maxPaths(maxPaths)
                        .build(),
                actor == null ? "" : actor);
    }

    @QueryMapping
    Trace trace(
            @Argument String from,
            @Argument Direction direction,
            @Argument TraceMode mode,
            @Argument int maxHops,
            @Argument @Nullable PartialDate activeOn,
            @Argument @Nullable List<Purpose> purposes,
            @Argument @Nullable Confidence minConfidence,
            @Argument @Nullable List<String> categories,
            @Argument @Nullable List<OrgKind> toKinds,
            @Argument int limit,
            @Argument int maxPaths,
            @Argument @Nullable PartialDate asKnownOn,
            @Argument @Nullable OffsetDateTime recordedAsOf) {
        return traces.trace(TraceRequest.from(from)
                .direction(direction)
                .mode(mode)
                .maxHops(maxHops)
                .activeOn(activeOn)
                .purposes(purposes)
                .minConfidence(minConfidence)
                .categories(categories)
                .toKinds(toKinds)
                .limit(limit)
                .maxPaths(maxPaths)
                .asOf(AsOf.of(asKnownOn, recordedAsOf))
                .build());
    }

    @QueryMapping
    TraceChanges traceChanges(
            @Argument String from,
            @Argument Direction direction,
            @Argument TraceMode mode,
            @Argument int maxHops,
            @Argument @Nullable PartialDate activeOn,
            @Argument @Nullable List<Purpose> purposes,
            @Argument @Nullable Confidence minConfidence,
            @Argument @Nullable List<String> categories,
            @Argument @Nullable List<OrgKind> toKinds,
            @Argument int limit,
            @Argument int maxPaths,
            @Argument ChangeTime time,
            @Argument String since,
            @Argument @Nullable String until) {
        return changes.changes(
                TraceRequest.from(from)
                        .direction(direction)
                        .mode(mode)
                        .maxHops(maxHops)
                        .activeOn(activeOn)
                        .purposes(purposes)
                        .minConfidence(minConfidence)
                        .categories(categories)
                        .toKinds(toKinds)
                        .limit(limit)
                        .maxPaths(maxPaths)
                        .build(),
                time,
                since,
                until);
    }

    @QueryMapping
    List<FlowPath> paths(
            @Argument String from,
            @Argument String to,
            @Argument int maxHops,
            @Argument int k,
            @Argument @Nullable PartialDate activeOn,
            @Argument @Nullable PartialDate asKnownOn,
            @Argument @Nullable OffsetDateTime recordedAsOf) {
        return traces.paths(from, to, maxHops, k, activeOn, AsOf.of(asKnownOn, recordedAsOf));
    }

    @QueryMapping
    Exposure exposure(
            @Argument String platform,
            @Argument @Nullable PartialDate activeOn,
            @Argument int maxHops,
            @Argument @Nullable PartialDate asKnownOn,
            @Argument @Nullable OffsetDateTime recordedAsOf) {
        return exposures.exposure(platform, activeOn, AsOf.of(asKnownOn, recordedAsOf), maxHops);
    }
}
