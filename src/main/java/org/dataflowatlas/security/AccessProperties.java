package org.dataflowatlas.security;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read and who may write.
 *
 * @param reads {@code open}: anyone who can reach the API may query it (the embedded default,
 *     bound to localhost); {@code key}: queries need a reader or editor key (recommended for shared servers)
 * @param keys API keys by name (the name is what the audit trail records): each with its role and
 *     the SHA-256 hex digest of the key, never the key itself. {@code dataflow-atlas key --name NAME}
 *     makes a new key and prints the lines to configure.
 * @param generateEditorKey on the embedded default with no keys configured, create an editor key in
 *     the data directory (owner-only file {@code editor.key}) on first start and use it
 */
@ConfigurationProperties("dataflow.security")
public record AccessProperties(
        @DefaultValue("open") Reads reads,
        @Nullable Map<String, KeySpec> keys,
        @DefaultValue("true") boolean generateEditorKey) {

    /** Whether queries need a key. */
    public enum Reads {
        OPEN,
        KEY
    }

    /**
     * One configured key.
     *
     * @param role what the key may do
     * @param sha256 lower-case hex SHA-256 of the key
     */
    public record KeySpec(@Nullable Role role, @Nullable String sha256) {}

    public Map<String, KeySpec> configuredKeys() {
        return keys == null ? Map.of() : keys;
    }
}
