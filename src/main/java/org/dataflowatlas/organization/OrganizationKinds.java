package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.graph.EntityKinds;
import org.springframework.stereotype.Component;

@Component
class OrganizationKinds implements EntityKinds {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Organization", Organization.class, (node, from, to) -> Organization.of(node)),
                new Kind("Person", Person.class, (node, from, to) -> Person.of(node)));
    }
}
