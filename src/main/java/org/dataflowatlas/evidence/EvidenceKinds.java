package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.EntityKinds;
import org.springframework.stereotype.Component;

@Component
class EvidenceKinds implements EntityKinds {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Source", Source.class, (node, from, to) -> Source.of(node)),
                new Kind("Event", Event.class, (node, from, to) -> Event.of(node)),
                new Kind("Statement", Statement.class, (node, from, to) -> Statement.of(node)));
    }
}
