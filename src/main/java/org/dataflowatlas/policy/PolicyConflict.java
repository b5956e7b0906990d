package org.dataflowatlas.policy;

import java.util.List;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.trace.FlowPath;

/** A flow on a lineage path from a platform whose purpose the platform's own policy prohibits. */
public record PolicyConflict(
        String platformId,
        String policyId,
        String flowId,
        Purpose purpose,
        FlowPath path,
        Approval approval,
        List<String> agreementIds) {}
