package org.dataflowatlas.audit;

import org.dataflowatlas.graph.Connection;
import org.dataflowatlas.security.Editors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The audit log, for editors only: who changed what, newest first. */
@Controller
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @QueryMapping
    @PreAuthorize(Editors.ONLY)
    Connection<AuditEntry> auditLog(
            @Argument int first, @Argument @Nullable String after, @Argument @Nullable String entity) {
        return trail.page(first, after, entity);
    }
}
