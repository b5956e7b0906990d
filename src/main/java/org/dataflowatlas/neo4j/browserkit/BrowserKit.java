package org.dataflowatlas.neo4j.browserkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of {@code cypher/browser/} as Browser reads them. The guide is a template whose
 * {@code {{query:FILE}}} places take the analyst queries of {@code cypher/queries/} verbatim, so the
 * slides run exactly the files the repository ships, and {@code {{style-url}}} the style's address.
 */
public final class BrowserKit {

    /** Where the kit is mounted on the embedded Neo4j's HTTP server. */
    public static final String MOUNT = "/dataflow-atlas";

    public static final String GUIDE = "guide.html";
    public static final String STYLE = "dataflow-atlas.grass";

    /** The analyst queries, in slide order. */
    public static final List<String> QUERIES = List.of(
            "01-trace-x-downstream.cypher",
            "02-who-feeds-an-agency.cypher",
            "03-policy-conflicts.cypher",
            "04-evidence-for-a-flow.cypher",
            "05-the-whole-seed-case.cypher",
            "06-what-is-inferred.cypher",
            "07-trace-as-known-on.cypher",
            "08-trace-as-recorded-at.cypher");

    private static final Pattern QUERY = Pattern.compile("\\{\\{query:([a-z0-9-]+\\.cypher)}}");

    private BrowserKit() {}

    public static String style() {
        return read("cypher/browser/" + STYLE);
    }

    /** The guide, its links pointing at the kit under {@code base} (e.g. http://localhost:7474/dataflow-atlas). */
    public static String guide(String base) {
        var template = read("cypher/browser/dataflow-atlas-guide.html");
        var matcher = QUERY.matcher(template.replace("{{style-url}}", base + "/" + STYLE));
        var guide = new StringBuilder();
        while (matcher.find()) {
            var file = matcher.group(1);
            if (!QUERIES.contains(file)) {
                throw new IllegalStateException("The guide names " + file + ", which is not an analyst query");
            }
            matcher.appendReplacement(
                    guide,
                    Matcher.quoteReplacement(html(read("cypher/queries/" + file).strip())));
        }
        matcher.appendTail(guide);
        return guide.toString();
    }

    private static String read(String resource) {
        try (var in = BrowserKit.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The jar lacks " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
