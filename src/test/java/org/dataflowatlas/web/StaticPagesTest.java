package org.dataflowatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the pages' files may refer to: the app's own addresses, never another server's. */
class StaticPagesTest {

    private static final Path STATIC = Path.of("src/main/resources/static");

    // A namespace is a name, not an address anything loads from.
    private static final Pattern ADDRESS =
            Pattern.compile("(https?:)?//(?!www\\.w3\\.org/)[a-z0-9.-]+\\.[a-z]{2,}[/\"']");

    @Test
    void no_page_or_asset_refers_to_another_server() throws IOException {
        try (Stream<Path> files = Files.walk(STATIC)) {
            var checked = files.filter(Files::isRegularFile).toList();
            assertThat(checked).hasSizeGreaterThan(10);
            for (var file : checked) {
                assertThat(ADDRESS.matcher(Files.readString(file)).results().map(m -> m.group()))
                        .as(file.toString())
                        .isEmpty();
            }
        }
    }
}
