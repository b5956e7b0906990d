package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.EvidenceInput;
import org.jspecify.annotations.Nullable;

/** What recordOwnership writes. */
public record OwnershipInput(
        String owner,
        String owned,
        @Nullable PartialDate since,
        @Nullable PartialDate until,
        @Nullable Double share,
        @Nullable Boolean former,
        List<EvidenceInput> evidence) {}
