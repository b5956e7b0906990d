package org.dataflowatlas.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dataflowatlas.neo4j.Neo4jConnectionInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys this server accepts, held as SHA-256 digests. Keys are long random strings, so a fast
 * digest is enough (a slow password hash would only slow every request down).
 */
public final class ApiKeys {

    /** A key the server knows: its name (recorded in the audit trail) and role. */
    public record ApiKey(String name, Role role) {}

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, ApiKey> byDigest;
    private final @Nullable String generatedKeyFile;

    private ApiKeys(Map<String, ApiKey> byDigest, @Nullable String generatedKeyFile) {
        this.byDigest = Map.copyOf(byDigest);
        this.generatedKeyFile = generatedKeyFile;
    }

    /**
     * The configured keys; with none configured on the embedded default, the editor key kept in the
     * data directory (created on first start).
     */
    public static ApiKeys from(AccessProperties properties, Neo4jConnectionInfo neo4j) {
        var byDigest = new HashMap<String, ApiKey>();
        properties.configuredKeys().forEach((name, spec) -> {
            var where = "dataflow.security.keys." + name;
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException(where + ": key names are lower-case letters, digits, '.', '_' and '-'"
                        + " (at most 64), because the audit trail records them.");
            }
            if (spec.role() == null) {
                throw new IllegalStateException(where + ".role is missing: set it to reader or editor.");
            }
            var digest = spec.sha256() == null ? "" : spec.sha256().strip().toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(digest).matches()) {
                throw new IllegalStateException(where + ".sha256 must be the 64-character hex SHA-256 of the key"
                        + " (never the key itself); `dataflow-atlas key --name " + name + "` prints one.");
            }
            if (byDigest.putIfAbsent(digest, new ApiKey(name, spec.role())) != null) {
                throw new IllegalStateException(where + " has the same key as "
                        + byDigest.get(digest).name() + ": give every person or service its own key.");
            }
        });
        if (!byDigest.isEmpty() || !properties.generateEditorKey() || !neo4j.embedded()) {
            if (byDigest.isEmpty()) {
                log.warn("No API keys are configured (dataflow.security.keys): every mutation will be refused.");
            }
            return new ApiKeys(byDigest, null);
        }
        var directory = neo4j.dataDirectory().orElse(null);
        if (directory == null) {
            return new ApiKeys(byDigest, null);
        }
        var file = EditorKeyFile.loadOrCreate(directory.resolve(EditorKeyFile.NAME));
        byDigest.put(sha256(file.key()), new ApiKey(EditorKeyFile.KEY_NAME, Role.EDITOR));
        return new ApiKeys(byDigest, file.path().toString());
    }

    /** Keys given directly (tests and tools). */
    public static ApiKeys of(Map<String, ApiKey> byDigest) {
        return new ApiKeys(byDigest, null);
    }

    public Optional<ApiKey> find(String presentedKey) {
        return Optional.ofNullable(byDigest.get(sha256(presentedKey)));
    }

    /** The file holding the generated editor key, when the embedded default made one. */
    public Optional<String> generatedKeyFile() {
        return Optional.ofNullable(generatedKeyFile);
    }

    public int size() {
        return byDigest.size();
    }

    public static String sha256(String key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("This JVM has no SHA-256", ex);
        }
    }

    /** A new random key: 256 bits, URL-safe, recognisable by its prefix. */
    public static String newKey() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "dfa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
