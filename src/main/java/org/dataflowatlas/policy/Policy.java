package org.dataflowatlas.policy;

import java.util.List;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** Terms an organization publishes about the use of its data. */
public record Policy(
        String id,
        String title,
        List<Purpose> prohibitedPurposes,
        @Nullable String exception,
        @Nullable String effective,
        @Nullable String description,
        List<Inference> inferences) {}
