package org.dataflowatlas.organization;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks organizations up; read-only transactions so a cluster can route them to followers. */
@Service
@Transactional(readOnly = true)
public class OrganizationService {

    private final OrganizationRepository repository;

    OrganizationService(OrganizationRepository repository) {
        this.repository = repository;
    }

    public Optional<Organization> find(String id) {
        return repository.findById(id);
    }

    /** Many at once, keyed by id; ids without an organization are absent from the map. */
    public Map<String, Organization> findAll(Collection<String> ids) {
        return repository.findAllById(ids);
    }
}
