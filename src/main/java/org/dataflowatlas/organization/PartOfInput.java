package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.EvidenceInput;
import org.jspecify.annotations.Nullable;

/** What recordPartOf writes. */
public record PartOfInput(
        String agency,
        String parent,
        @Nullable PartialDate since,
        @Nullable PartialDate until,
        List<EvidenceInput> evidence) {}
