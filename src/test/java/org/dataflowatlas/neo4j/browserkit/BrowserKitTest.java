package org.dataflowatlas.neo4j.browserkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.neo4j.EmbeddedNeo4j;
import org.dataflowatlas.neo4j.Neo4jConnectionInfo;
import org.dataflowatlas.web.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Browser kit in the Neo4j Browser the embedded server serves, driven in headless Chromium as an
 * analyst uses it: connect, let the guide open, apply the style from it, run a seed query from its
 * slides, and look at what Browser drew.
 */
@AtlasIntegrationTest
class BrowserKitTest {

    private static final Path STYLE = Path.of("cypher/browser/dataflow-atlas.grass");

    @Autowired
    EmbeddedNeo4j neo4j;

    @Autowired
    Neo4jConnectionInfo connection;

    /** Neo4j Browser's GRASS parser knows no comments, and an apostrophe opens a string it may never close. */
    @Test
    void the_style_sheet_holds_only_what_the_browser_parser_reads() throws Exception {
        var text = Files.readString(STYLE);
        assertThat(text).as("comments in the style sheet").doesNotContain("/*", "//");
        assertThat(text).as("apostrophes in the style sheet").doesNotContain("'");
        assertThat(rules(text)).hasSizeGreaterThan(20).containsKeys("node.Organization", "node.DataFlow");
    }

    @Test
    void the_embedded_server_serves_the_style_and_a_guide_with_every_analyst_query() throws Exception {
        assertThat(get(neo4j.browserKitUrl() + "/" + BrowserKit.STYLE)).isEqualTo(Files.readString(STYLE));
        // The address the start-up report prints.
        var guide = get(connection.browserGuideUrl().orElseThrow());
        assertThat(guide).contains("<a exec-topic=\"style " + neo4j.browserKitUrl() + "/" + BrowserKit.STYLE + "\">");
        try (var files = Files.list(Path.of("cypher/queries"))) {
            var queries = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(queries).as("every analyst query has a slide").containsExactlyElementsOf(BrowserKit.QUERIES);
            for (var query : queries) {
                var text = Files.readString(Path.of("cypher/queries", query)).strip();
                assertThat(guide)
                        .as(query + " as a runnable slide")
                        .contains("<pre class=\"code runnable\">"
                                + text.replace("&", "&amp;")
                                        .replace("<", "&lt;")
                                        .replace(">", "&gt;") + "</pre>");
            }
        }
    }

    @Test
    void browser_opens_the_guide_on_connect_applies_every_rule_of_the_style_and_draws_the_seed_with_it()
            throws Exception {
        ChromeDriver browser = HeadlessChromium.window(neo4j.browserUrl().replaceFirst("/browser/$", ""), null);
        browser.get(neo4j.browserUrl());

        // Connect as the README says: bolt://, no authentication.
        find(browser, "[data-testid=connect]");
        click(browser, "[data-testid=bolt-scheme-select] option[value='bolt://']");
        var address = find(browser, "[data-testid=boltaddress]");
        address.clear();
        address.sendKeys(neo4j.boltUri().substring("bolt://".length()));
        click(browser, "[data-testid=authenticationMethod] option[value=NO_AUTH]");
        click(browser, "[data-testid=connect]");

        // The server's post-connect command opens the guide: one slide to start, one per query.
        // Our guide's own link, not the exec-topic buttons of the start frame Browser may show first.
        click(browser, "[exec-topic^='style ']");
        int slides = BrowserKit.QUERIES.size() + 1;
        find(browser, "[data-testid=pagination-" + slides + "]");
        assertThat(browser.findElements(By.cssSelector("[data-testid=pagination-" + (slides + 1) + "]")))
                .isEmpty();

        // Browser keeps the style it parsed: every rule of the file, with every property.
        var expected = rules(Files.readString(STYLE));
        var applied = waitFor(browser, b -> {
            var grass = (String) ((JavascriptExecutor) b).executeScript("return localStorage.getItem('neo4j.grass')");
            return grass != null && grass.contains("node.DataFlow") ? grass : null;
        });
        assertThat(JsonMapper.builder().build().readValue(applied, Map.class)).isEqualTo(expected);

        // The overview query, from its slide. Browser shows the first five page numbers and the
        // last; from page 5 the ones around it.
        int overview = BrowserKit.QUERIES.indexOf("05-the-whole-seed-case.cypher") + 2;
        click(browser, "[data-testid=pagination-" + Math.min(5, overview) + "]");
        click(browser, "[data-testid=pagination-" + overview + "]");
        var slide = waitFor(browser, b -> {
            for (var pre : b.findElements(By.cssSelector("pre.runnable"))) {
                try {
                    if (pre.isDisplayed() && pre.getText().contains("The founding case at a glance")) {
                        return pre;
                    }
                } catch (StaleElementReferenceException redrawn) {
                    // the slide is being drawn
                }
            }
            return null;
        });
        slide.findElement(By.cssSelector("i")).click();

        var drawn = waitFor(browser, b -> {
            var nodes = nodesByCaption(b);
            return nodes.containsKey("X") && nodes.containsKey("Dataminr") ? nodes : null;
        });
        assertThat(drawn.get("X")).isEqualTo(expected.get("node.Platform").get("color"));
        assertThat(drawn.get("Dataminr")).isEqualTo(expected.get("node.Vendor").get("color"));
        assertThat(drawn.get("US Secret Service"))
                .isEqualTo(expected.get("node.Agency").get("color"));
        // Flows: small orange nodes captioned with their purpose (cut to fit: COMM…, LAW_E…).
        assertThat(drawn)
                .hasEntrySatisfying(
                        "COMM…",
                        colour -> assertThat(colour)
                                .isEqualTo(expected.get("node.DataFlow").get("color")))
                .hasEntrySatisfying(
                        "LAW_E…",
                        colour -> assertThat(colour)
                                .isEqualTo(expected.get("node.DataFlow").get("color")));
        var sends = browser.findElements(By.xpath("//*[local-name()='g'][@class='relationship']"
                + "[*[local-name()='text'][text()='SENDS']]/*[local-name()='path'][@class='b-outline']"));
        assertThat(sends)
                .hasSize(3)
                .allSatisfy(path -> assertThat(path.getAttribute("fill"))
                        .isEqualTo(expected.get("relationship.SENDS").get("color")));

        // A picture for the README: the graph alone.
        click(browser, "[data-testid=navigationGuides]");
        click(browser, "[aria-label='Collapse the node properties display']");
        Thread.sleep(1_500); // let the layout settle for the picture; nothing is asserted after this
        Files.createDirectories(HeadlessChromium.SCREENSHOTS);
        Files.write(HeadlessChromium.SCREENSHOTS.resolve("browser-kit.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The style sheet as selector -> property -> value, quotes around values removed (as Browser stores it). */
    private static Map<String, Map<String, String>> rules(String text) {
        var rules = new LinkedHashMap<String, Map<String, String>>();
        Map<String, String> current = null;
        for (var raw : text.split("\n")) {
            var line = raw.strip();
            if (line.endsWith("{")) {
                current = new LinkedHashMap<>();
                rules.put(line.substring(0, line.length() - 1).strip(), current);
            } else if (line.equals("}")) {
                current = null;
            } else if (!line.isEmpty()) {
                assertThat(current).as("a property outside a rule: " + line).isNotNull();
                assertThat(line).as("one property per line, ending with ;").endsWith(";");
                var property = line.substring(0, line.length() - 1).split(":", 2);
                current.put(property[0].strip(), property[1].strip().replaceAll("^\"|\"$", ""));
            }
        }
        return rules;
    }

    /** Each drawn node's caption (its text lines joined) and fill colour. */
    private static Map<String, String> nodesByCaption(WebDriver browser) {
        var nodes = new LinkedHashMap<String, String>();
        try {
            for (var node : browser.findElements(By.cssSelector("svg g.node"))) {
                var caption = String.join(
                        " ",
                        node.findElements(By.tagName("text")).stream()
                                .map(WebElement::getText)
                                .toList());
                nodes.put(
                        caption,
                        node.findElement(By.cssSelector("circle.b-outline")).getAttribute("fill"));
            }
        } catch (StaleElementReferenceException redrawn) {
            return Map.of();
        }
        return nodes;
    }

    private static String get(String url) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            var response =
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            return response.body();
        }
    }

    /** Waits (up to a minute, for a busy machine) until the condition gives a value. */
    private static <T> T waitFor(WebDriver browser, Function<WebDriver, T> condition) throws InterruptedException {
        for (long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos(); System.nanoTime() < deadline; ) {
            var value = condition.apply(browser);
            if (value != null) {
                return value;
            }
            Thread.sleep(HeadlessChromium.POLL.toMillis());
        }
        throw new AssertionError("Browser did not get there within a minute; see the page in "
                + HeadlessChromium.SCREENSHOTS.resolve("browser-kit-failure.png") + saveFailure(browser));
    }

    private static String saveFailure(WebDriver browser) {
        try {
            Files.createDirectories(HeadlessChromium.SCREENSHOTS);
            Files.write(
                    HeadlessChromium.SCREENSHOTS.resolve("browser-kit-failure.png"),
                    ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
            return "";
        } catch (Exception ex) {
            return " (could not save it: " + ex.getMessage() + ")";
        }
    }

    private static WebElement find(WebDriver browser, String css) throws InterruptedException {
        return waitFor(browser, b -> {
            for (var element : b.findElements(By.cssSelector(css))) {
                try {
                    if (element.isDisplayed()) {
                        return element;
                    }
                } catch (StaleElementReferenceException redrawn) {
                    // Browser re-rendered it: look again.
                }
            }
            return null;
        });
    }

    /** Clicks the element once it shows, again if Browser re-renders it in between. */
    private static void click(WebDriver browser, String css) throws InterruptedException {
        waitFor(browser, b -> {
            try {
                find(b, css).click();
                return Boolean.TRUE;
            } catch (StaleElementReferenceException redrawn) {
                return null;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        });
    }
}
