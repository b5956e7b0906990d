package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.PartialDate;
import org.jspecify.annotations.Nullable;

/** What recordEvent writes. */
public record EventInput(
        String id,
        String title,
        @Nullable PartialDate date,
        @Nullable String description,
        @Nullable List<String> involves,
        List<EvidenceInput> evidence) {}
