package org.dataflowatlas.evidence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The evidence behind facts, loaded for many facts at once. */
@Service
@Transactional(readOnly = true)
public class EvidenceService {

    private final EvidenceRepository repository;

    EvidenceService(EvidenceRepository repository) {
        this.repository = repository;
    }

    /** Evidence per flow id; a flow without evidence is absent from the map. */
    public Map<String, List<Evidence>> forFlows(Collection<String> flowIds) {
        return repository.forFlows(flowIds);
    }
}
