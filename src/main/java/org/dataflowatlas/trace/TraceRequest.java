package org.dataflowatlas.trace;

import java.util.List;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.organization.OrgKind;
import org.jspecify.annotations.Nullable;

/** The arguments of trace, as the API takes them. */
public record TraceRequest(
        String from,
        Direction direction,
        TraceMode mode,
        int maxHops,
        @Nullable PartialDate activeOn,
        @Nullable List<Purpose> purposes,
        @Nullable Confidence minConfidence,
        @Nullable List<String> categories,
        @Nullable List<OrgKind> toKinds,
        int limit,
        int maxPaths) {}
