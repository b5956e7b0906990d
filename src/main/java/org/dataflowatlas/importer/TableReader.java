package org.dataflowatlas.importer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * Reads one CSV file of a table into {@link Row}s: UTF-8 only, a header row required, each row
 * with as many values as the header has columns. Problems with the file or a row go to the
 * {@link Rows} with their line; nothing is evaluated here.
 */
final class TableReader {

    /** What is done with a file's header and rows. */
    interface Rows {
        /** The header; false leaves the rows unread. */
        boolean header(List<String> header);

        /** One row; false stops reading. */
        boolean row(Row row);

        void error(long line, String column, String reason);
    }

    private TableReader() {}

    /** Reads {@code file}, named {@code name} in messages; returns the rows read (after the header). */
    static long read(Path file, String name, Set<String> missing, Rows rows) {
        long read = 0;
        try (Reader reader = utf8(file)) {
            var parser = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get()
                    .parse(reader);
            var header = parser.getHeaderNames();
            if (!rows.header(header)) {
                return 0;
            }
            var columns = parser.getHeaderMap();
            for (var record : parser) {
                read++;
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    rows.error(
                            line,
                            "(row)",
                            "has " + record.size() + " values but the header has " + header.size()
                                    + " columns; check for a missing or extra comma or an unclosed quote");
                    continue;
                }
                if (!rows.row(Row.of(columns, record.values(), missing, name, line))) {
                    break;
                }
            }
        } catch (CharacterCodingException ex) {
            rows.error(0, "(file)", "is not UTF-8 text; save it as UTF-8 and import again");
        } catch (IOException | UncheckedIOException ex) {
            rows.error(0, "(file)", "cannot be read as CSV: " + ex.getMessage());
        }
        return read;
    }

    private static Reader utf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(Files.newInputStream(file), decoder);
    }
}
