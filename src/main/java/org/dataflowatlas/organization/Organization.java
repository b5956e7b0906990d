package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** An organization as the API shows it. */
public record Organization(
        String id,
        String name,
        @Nullable OrgKind kind,
        List<String> aliases,
        @Nullable String country,
        @Nullable String jurisdiction,
        List<String> jurisdictions,
        @Nullable String description,
        boolean group,
        @Nullable String estimatedSize,
        List<Inference> inferences) {
    /** The organization a node holds. */
    public static Organization of(Node node) {
        return new Organization(
                node.get("id").asString(),
                node.get("name").asString(node.get("id").asString()),
                OrgKind.of(node),
                node.get("aliases").asList(Value::asString, List.of()),
                node.get("country").asString(null),
                node.get("jurisdiction").asString(null),
                node.get("jurisdictions").asList(Value::asString, List.of()),
                node.get("description").asString(null),
                node.get("group").asBoolean(false),
                node.get("estimatedSize").asString(null),
                Inference.of(node));
    }

    /**
     * This organization as it read at a recorded instant: what a correction changed as its revision
     * then says (see {@code graph.Revisions}; none: as now); its id and inference marks as now.
     */
    public Organization asRecorded(@Nullable Node revision) {
        if (revision == null) {
            return this;
        }
        return new Organization(
                id,
                revision.get("name").asString(name),
                OrgKind.of(revision.get("labels").asList(Value::asString, List.of())),
                revision.get("aliases").asList(Value::asString, List.of()),
                revision.get("country").asString(null),
                revision.get("jurisdiction").asString(null),
                jurisdictions,
                revision.get("description").asString(null),
                revision.get("group").asBoolean(false),
                revision.get("estimatedSize").asString(null),
                inferences);
    }
}
