package org.dataflowatlas.policy;

import java.util.List;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.flow.Purpose;
import org.jspecify.annotations.Nullable;

/** What publishPolicy writes. */
public record PolicyInput(
        String id,
        String publisher,
        String title,
        @Nullable List<Purpose> prohibitedPurposes,
        @Nullable String exception,
        @Nullable PartialDate effective,
        @Nullable PartialDate until,
        @Nullable String description,
        List<EvidenceInput> evidence) {}
