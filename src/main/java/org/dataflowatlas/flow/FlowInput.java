package org.dataflowatlas.flow;

import java.util.List;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.graph.InferenceInput;
import org.jspecify.annotations.Nullable;

/** What recordFlow writes. */
public record FlowInput(
        @Nullable String id,
        String from,
        String to,
        List<CategoryInput> categories,
        @Nullable ProductInput via,
        Purpose purpose,
        AccessMethod accessMethod,
        @Nullable Boolean realTime,
        @Nullable PartialDate since,
        @Nullable PartialDate until,
        Confidence confidence,
        @Nullable String description,
        @Nullable List<String> agreements,
        List<EvidenceInput> evidence,
        @Nullable List<InferenceInput> inferences) {}
