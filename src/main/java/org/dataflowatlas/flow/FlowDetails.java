package org.dataflowatlas.flow;

import java.util.List;
import org.dataflowatlas.evidence.Evidence;
import org.jspecify.annotations.Nullable;

/**
 * What a flow's categories, product and evidence fields need, read for a whole level of flows in
 * one statement: asking for all three costs one statement, not three.
 */
public record FlowDetails(
        List<DataCategory> categories, @Nullable Product product, List<Evidence> evidence) {

    static final FlowDetails NONE = new FlowDetails(List.of(), null, List.of());
}
