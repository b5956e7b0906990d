package org.dataflowatlas.policy;

import java.util.List;
import org.dataflowatlas.graph.EntityKinds;
import org.springframework.stereotype.Component;

@Component
class PolicyKinds implements EntityKinds {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Policy", Policy.class, (node, from, to) -> Policy.of(node)),
                new Kind("Agreement", Agreement.class, (node, from, to) -> Agreement.of(node)));
    }
}
