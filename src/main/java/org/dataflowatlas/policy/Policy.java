package org.dataflowatlas.policy;

import java.util.List;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** Terms an organization publishes about the use of its data; a retracted one is kept, marked. */
public record Policy(
        String id,
        String title,
        List<Purpose> prohibitedPurposes,
        @Nullable String exception,
        @Nullable String effective,
        @Nullable String until,
        @Nullable String description,
        boolean retracted,
        List<Inference> inferences) {}
