package org.dataflowatlas.policy;

import java.util.List;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.flow.Purpose;
import org.jspecify.annotations.Nullable;

/** What recordAgreement writes; {@code approvedPurposes} null means its terms on use are unknown. */
public record AgreementInput(
        String id,
        String title,
        List<String> parties,
        @Nullable PartialDate signed,
        @Nullable PartialDate expires,
        @Nullable List<Purpose> approvedPurposes,
        @Nullable List<String> covers,
        @Nullable String description,
        List<EvidenceInput> evidence) {}
