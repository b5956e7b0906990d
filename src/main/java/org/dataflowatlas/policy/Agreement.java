package org.dataflowatlas.policy;

import java.util.List;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/**
 * A contract between organizations. {@code approvedPurposes} is what the agreement is known to
 * approve; null when its terms on use are unknown (as for X's contract with Dataminr). A retracted
 * one is kept, marked.
 */
public record Agreement(
        String id,
        String title,
        @Nullable String signed,
        @Nullable String expires,
        @Nullable List<Purpose> approvedPurposes,
        @Nullable String description,
        boolean retracted,
        List<Inference> inferences) {}
