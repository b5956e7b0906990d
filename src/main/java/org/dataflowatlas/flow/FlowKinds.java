package org.dataflowatlas.flow;

import java.util.List;
import org.dataflowatlas.graph.EntityKinds;
import org.springframework.stereotype.Component;

@Component
class FlowKinds implements EntityKinds {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind(
                        "DataFlow",
                        DataFlow.class,
                        (node, from, to) -> DataFlow.of(node, String.valueOf(from), String.valueOf(to))),
                new Kind("Product", Product.class, (node, from, to) -> Product.of(node)),
                new Kind("DataCategory", DataCategory.class, (node, from, to) -> DataCategory.of(node)));
    }
}
