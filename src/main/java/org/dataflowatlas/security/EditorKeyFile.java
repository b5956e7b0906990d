package org.dataflowatlas.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The editor key the embedded default creates on first start, in a file only its owner can read. */
record EditorKeyFile(Path path, String key) {

    static final String NAME = "editor.key";
    static final String KEY_NAME = "local-editor";

    private static final Logger log = LoggerFactory.getLogger(EditorKeyFile.class);

    static EditorKeyFile loadOrCreate(Path path) {
        try {
            if (Files.exists(path)) {
                var key = Files.readString(path, StandardCharsets.UTF_8).strip();
                if (key.length() < 20) {
                    throw new IllegalStateException(
                            path + " does not hold an editor key; delete it and restart to" + " create a new one.");
                }
                log.info("Editor key (name '{}') read from {}", KEY_NAME, path);
                return new EditorKeyFile(path, key);
            }
            Files.createDirectories(path.getParent());
            var key = ApiKeys.newKey();
            create(path);
            Files.writeString(path, key + "\n", StandardCharsets.UTF_8);
            log.info(
                    "Created an editor key (name '{}') in {}, readable by you only. Mutations need it:"
                            + " Authorization: Bearer $(cat {})",
                    KEY_NAME,
                    path,
                    path);
            return new EditorKeyFile(path, key);
        } catch (FileAlreadyExistsException ex) {
            return loadOrCreate(path); // another process made it between our check and create
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or create the editor key file " + path, ex);
        }
    }

    private static void create(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(path);
            var file = path.toFile();
            file.setReadable(false, false);
            file.setWritable(false, false);
            file.setReadable(true, true);
            file.setWritable(true, true);
        }
    }
}
