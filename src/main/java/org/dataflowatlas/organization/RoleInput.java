package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.EvidenceInput;
import org.jspecify.annotations.Nullable;

/** What recordRole writes. */
public record RoleInput(
        String person,
        String organization,
        String title,
        @Nullable PartialDate since,
        @Nullable PartialDate until,
        List<EvidenceInput> evidence) {}
