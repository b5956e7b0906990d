package org.dataflowatlas.trace;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.graph.AsOf;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * traceChanges: the same trace at both ends of a window, in one read transaction, and the
 * difference. A change's causes are the flows on its paths that changed within the window, read
 * from what the writes kept on them (recorded and retracted instants with their audit entries,
 * or the days their evidence was published); a path changed by something else (a derivation, a
 * corrected field) has no cause listed.
 */
@Service
@Transactional(readOnly = true)
public class TraceChangeService {

    private final TraceService traces;
    private final TraceRepository repository;

    TraceChangeService(TraceService traces, TraceRepository repository) {
        this.traces = traces;
        this.repository = repository;
    }

    public TraceChanges changes(TraceRequest request, ChangeTime time, String since, @Nullable String until) {
        var window = Window.of(time, since, until);
        var before = traces.trace(request.withAsOf(window.since()));
        var after = traces.trace(request.withAsOf(window.until()));

        var beforePaths = byKey(before.paths());
        var afterPaths = byKey(after.paths());
        var gainedPaths = new ArrayList<FlowPath>();
        afterPaths.forEach((key, path) -> {
            if (!beforePaths.containsKey(key)) {
                gainedPaths.add(path);
            }
        });
        var lostPaths = new ArrayList<FlowPath>();
        beforePaths.forEach((key, path) -> {
            if (!afterPaths.containsKey(key)) {
                lostPaths.add(path);
            }
        });
        var flowIds = new LinkedHashSet<String>();
        gainedPaths.forEach(path -> flowIds.addAll(path.flowIds()));
        lostPaths.forEach(path -> flowIds.addAll(path.flowIds()));
        var changes = flowIds.isEmpty() ? Map.<String, TraceRepository.FlowChanges>of() : repository.changes(flowIds);

        var gained = new ArrayList<TraceChanges.PathChange>();
        gainedPaths.forEach(path -> gained.add(new TraceChanges.PathChange(path, causes(path, changes, window, true))));
        var lost = new ArrayList<TraceChanges.PathChange>();
        lostPaths.forEach(path -> lost.add(new TraceChanges.PathChange(path, causes(path, changes, window, false))));
        return new TraceChanges(
                after.origin(),
                time,
                since,
                until,
                organizations(after, before, gained),
                organizations(before, after, lost),
                gained,
                lost,
                before.truncated() || after.truncated());
    }

    /** Organizations reached in {@code present} and not in {@code absent}, with the causes of their changed paths. */
    private static List<TraceChanges.OrganizationChange> organizations(
            Trace present, Trace absent, List<TraceChanges.PathChange> changed) {
        var absentIds = absent.reached().stream()
                .map(reach -> reach.organization().id())
                .collect(Collectors.toSet());
        var byEnd = new LinkedHashMap<String, List<TraceChanges.PathChange>>();
        changed.forEach(change -> byEnd.computeIfAbsent(change.path().last().id(), id -> new ArrayList<>())
                .add(change));
        var organizations = new ArrayList<TraceChanges.OrganizationChange>();
        for (var reach : present.reached()) {
            var id = reach.organization().id();
            if (absentIds.contains(id)) {
                continue;
            }
            var causes = new LinkedHashMap<String, TraceChanges.Cause>();
            for (var change : byEnd.getOrDefault(id, List.of())) {
                change.causes()
                        .forEach(cause -> causes.putIfAbsent(
                                cause.kind() + "\u0000" + cause.flow().id(), cause));
            }
            organizations.add(new TraceChanges.OrganizationChange(
                    reach.organization(), reach.hops(), List.copyOf(causes.values())));
        }
        return organizations;
    }

    private static List<TraceChanges.Cause> causes(
            FlowPath path, Map<String, TraceRepository.FlowChanges> changes, Window window, boolean gained) {
        var causes = new ArrayList<TraceChanges.Cause>();
        for (var flow : path.flows()) {
            var change = changes.get(flow.id());
            if (change == null) {
                continue;
            }
            if (window.time() == ChangeTime.RECORDED) {
                if (gained) {
                    recorded(causes, ChangeKind.RECORDED, flow, change, change.recordedAt(), window);
                } else {
                    recorded(causes, ChangeKind.RETRACTED, flow, change, change.retractedAt(), window);
                    recorded(causes, ChangeKind.ENDED, flow, change, change.untilRecordedAt(), window);
                }
            } else if (gained) {
                known(causes, ChangeKind.PUBLISHED, flow, change, change.knownSince(), window);
            } else {
                known(causes, ChangeKind.RETRACTION_PUBLISHED, flow, change, change.retractionKnownSince(), window);
                known(causes, ChangeKind.END_PUBLISHED, flow, change, change.untilKnownSince(), window);
            }
        }
        return causes;
    }

    private static void recorded(
            List<TraceChanges.Cause> causes,
            ChangeKind kind,
            DataFlow flow,
            TraceRepository.FlowChanges change,
            @Nullable ZonedDateTime at,
            Window window) {
        if (at == null || !window.contains(at)) {
            return;
        }
        var write = change.writes().stream()
                .filter(entry -> entry.at().toInstant().equals(at.toInstant()))
                .findFirst()
                .orElse(null);
        causes.add(new TraceChanges.Cause(
                kind,
                flow,
                at.toOffsetDateTime().toString(),
                write == null ? null : write.operation(),
                write == null ? null : write.id(),
                null));
    }

    private static void known(
            List<TraceChanges.Cause> causes,
            ChangeKind kind,
            DataFlow flow,
            TraceRepository.FlowChanges change,
            @Nullable String day,
            Window window) {
        if (day == null || !window.contains(day)) {
            return;
        }
        var source = change.sources().stream()
                .filter(candidate -> candidate.day().equals(day)
                        && candidate.retraction() == (kind == ChangeKind.RETRACTION_PUBLISHED)
                        && (kind != ChangeKind.END_PUBLISHED || candidate.ends()))
                .findFirst()
                .or(() -> change.sources().stream()
                        .filter(candidate -> candidate.day().equals(day))
                        .findFirst())
                .map(TraceRepository.DatedSource::source)
                .orElse(null);
        causes.add(new TraceChanges.Cause(kind, flow, day, null, null, source));
    }

    private static Map<String, FlowPath> byKey(List<FlowPath> paths) {
        return paths.stream()
                .collect(Collectors.toMap(
                        path -> String.join("\u0000", path.flowIds()),
                        Function.identity(),
                        (first, second) -> first,
                        LinkedHashMap::new));
    }

    /** The two ends of the window, as the times the traces are asked at, and what falls inside. */
    private record Window(
            ChangeTime time,
            AsOf since,
            AsOf until,
            @Nullable OffsetDateTime fromInstant,
            @Nullable OffsetDateTime toInstant,
            @Nullable String fromDay,
            @Nullable String toDay) {

        static Window of(ChangeTime time, String since, @Nullable String until) {
            if (time == ChangeTime.RECORDED) {
                var from = instant("since", since);
                var to = until == null ? null : instant("until", until);
                if (to != null && !to.isAfter(from)) {
                    throw new InvalidInputException(
                            "until (" + until + ") must be after since (" + since + "); leave until out for now.");
                }
                return new Window(
                        time, AsOf.of(null, from), to == null ? AsOf.NOW : AsOf.of(null, to), from, to, null, null);
            }
            var from = PartialDate.parse(since);
            var to = until == null
                    ? PartialDate.parse(LocalDate.now(ZoneOffset.UTC).toString())
                    : PartialDate.parse(until);
            if (!to.last().isAfter(from.last())) {
                throw new InvalidInputException("until (" + to + ") must end after since (" + since
                        + "); in known time both are days of publication, leave until out for today.");
            }
            return new Window(
                    time,
                    AsOf.of(from, null),
                    AsOf.of(to, null),
                    null,
                    null,
                    from.last().toString(),
                    to.last().toString());
        }

        boolean contains(ZonedDateTime at) {
            var instant = at.toInstant();
            return fromInstant != null
                    && instant.isAfter(fromInstant.toInstant())
                    && (toInstant == null || !instant.isAfter(toInstant.toInstant()));
        }

        boolean contains(String day) {
            return fromDay != null && toDay != null && day.compareTo(fromDay) > 0 && day.compareTo(toDay) <= 0;
        }

        private static OffsetDateTime instant(String field, String text) {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException ex) {
                throw new InvalidInputException(
                        field + ": '" + (text.length() <= 40 ? text : text.substring(0, 40) + "…")
                                + "' is not an instant. In recorded time write an ISO 8601 instant with an offset, such as"
                                + " 2026-12-01T09:30:00Z (or ask time: KNOWN for days of publication).");
            }
        }
    }
}
