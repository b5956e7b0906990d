package org.dataflowatlas.flow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads flows and what hangs off them, many parents per call; read transactions throughout. */
@Service
@Transactional(readOnly = true)
public class FlowService {

    private final FlowRepository repository;

    FlowService(FlowRepository repository) {
        this.repository = repository;
    }

    public Optional<DataFlow> find(String id) {
        return repository.findById(id);
    }

    public Map<String, List<DataFlow>> sentBy(Collection<String> organizationIds) {
        return repository.sentBy(organizationIds);
    }

    public Map<String, List<DataFlow>> receivedBy(Collection<String> organizationIds) {
        return repository.receivedBy(organizationIds);
    }

    public Map<String, List<DataCategory>> categoriesOf(Collection<String> flowIds) {
        return repository.categoriesOf(flowIds);
    }

    public Map<String, Product> productsOf(Collection<String> flowIds) {
        return repository.productsOf(flowIds);
    }
}
