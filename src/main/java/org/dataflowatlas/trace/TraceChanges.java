package org.dataflowatlas.trace;

import java.util.List;
import org.dataflowatlas.evidence.Source;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;

/**
 * What a trace gained and lost between two moments ({@code until} null: now), each change with the
 * flows on its paths that changed in the window; {@code truncated} when either trace was cut.
 */
public record TraceChanges(
        Organization origin,
        ChangeTime time,
        String since,
        @Nullable String until,
        List<OrganizationChange> gained,
        List<OrganizationChange> lost,
        List<PathChange> gainedPaths,
        List<PathChange> lostPaths,
        boolean truncated) {

    /** An organization reached at one end of the window and not at the other, with its paths' causes. */
    public record OrganizationChange(Organization organization, int hops, List<Cause> causes) {}

    /** A path found at one end of the window and not at the other. */
    public record PathChange(FlowPath path, List<Cause> causes) {}

    /**
     * A flow of the path that changed within the window: when ({@code at}: an instant in recorded
     * time, a day in known time), by which write (the audit entry's operation and id; none for a
     * Cypher load) or because of which source's publication.
     */
    public record Cause(
            ChangeKind kind,
            DataFlow flow,
            String at,
            @Nullable String operation,
            @Nullable String auditEntry,
            @Nullable Source source) {}
}
