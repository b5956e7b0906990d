package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.PartialDate;
import org.jspecify.annotations.Nullable;

/** What recordStatement writes: who said it, verbatim, and where it was reported with the passage that does. */
public record StatementInput(
        String id,
        String by,
        String text,
        @Nullable Boolean paraphrase,
        @Nullable PartialDate date,
        @Nullable String description,
        @Nullable List<String> about,
        List<EvidenceInput> reportedIn) {}
