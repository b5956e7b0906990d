package org.dataflowatlas.flow;

import java.time.OffsetDateTime;
import java.util.List;
import org.dataflowatlas.PartialDate;
import org.jspecify.annotations.Nullable;

/** Narrows a flow listing; every given criterion must hold. */
public record FlowFilter(
        @Nullable String from,
        @Nullable String to,
        @Nullable List<Purpose> purposes,
        @Nullable List<AccessMethod> accessMethods,
        @Nullable List<String> categories,
        @Nullable Confidence minConfidence,
        @Nullable PartialDate activeOn,
        @Nullable Boolean includeRetracted,
        @Nullable PartialDate asKnownOn,
        @Nullable OffsetDateTime recordedAsOf) {}
