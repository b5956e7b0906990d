package org.dataflowatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.GraphQlHttp;
import org.dataflowatlas.script.CypherScriptLoader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The explorer in a real, offline Chromium over the seed. What each test expects on the page is
 * asked of the API in the same test, so the seed's details (confidence, which source holds a quote)
 * may change without these tests changing.
 */
@AtlasIntegrationTest
class ExplorerPageTest {

    private static final String SECRET_SERVICE = "us-secret-service";

    @LocalServerPort
    int port;

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    CypherScriptLoader loader;

    @Autowired
    Driver driver;

    @TempDir
    Path downloads;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openAWindow() {
        browser = HeadlessChromium.window(local(""), downloads);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), HeadlessChromium.POLL);
    }

    @AfterEach
    void checkWhatThePageAskedFor() {
        if (browser != null) {
            var requested = HeadlessChromium.requestedUrls(browser);
            assertThat(requested)
                    .as("every request the page made stayed on this server (or opened a downloaded report)")
                    .allSatisfy(url -> assertThat(url)
                            .satisfiesAnyOf(
                                    u -> assertThat(u).startsWith(local("/")),
                                    u -> assertThat(u)
                                            .startsWith(downloads.toUri().toString())));
        }
    }

    @Test
    void shows_where_x_data_goes_with_the_secret_service_flow_marked_as_a_conflict_with_x_terms() {
        var expected = expectations("x", null);
        var secretServiceFlow = expected.flowTo(SECRET_SERVICE);
        var policy = expected.conflictPolicies().get(secretServiceFlow);
        assertThat(policy)
                .as("the API says the Secret Service flow conflicts with X's terms")
                .isNotNull();

        browser.manage().window().setSize(new Dimension(1440, 1150)); // room for the evidence (docs/explorer.png)
        open("/explore?from=x");

        for (var id : List.of("x", "dataminr", "dataminr-law-enforcement-customers", SECRET_SERVICE)) {
            assertThat(node(id).getText())
                    .as(id)
                    .contains(firstWords(expected.names().get(id)));
        }
        assertThat(node("dataminr-law-enforcement-customers").getAttribute("class"))
                .contains("group");
        assertThat(node("x").getAttribute("class")).contains("origin");
        var edge = edge(secretServiceFlow);
        assertThat(edge.getAttribute("class")).contains("conflict");
        assertThat(edge.getText()).contains("conflicts with", firstWords(policy));
        assertThat(browser.findElements(By.cssSelector("#diagram .edge.conflict")))
                .hasSize(expected.conflictPolicies().size());
        HeadlessChromium.screenshot(browser, "explorer-x");

        edge.findElement(By.tagName("text")).click();

        var details = waitForText("#details", "whole point of this contract");
        assertThat(details.getText()).contains("Conflicts with", policy, "Approval:");
        for (var evidence : expected.evidence().get(secretServiceFlow)) {
            var quote = evidence.get("quote");
            if (quote != null) { // a cited source the project never read is evidence without a passage
                assertThat(details.getText()).contains(quote);
            }
            var url = evidence.get("url");
            if (url != null) {
                assertThat(details.findElements(By.cssSelector("a[href='" + url + "']")))
                        .as("a link to " + url)
                        .isNotEmpty();
            }
        }
        assertThat(details.getText()).contains("Categories", "derived from");
        browser.executeScript("document.querySelector('#details h3:last-of-type').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "explorer-x-secret-service-flow");
    }

    @Test
    void the_date_slider_before_the_first_evidence_empties_the_picture() {
        var span = expectations("x", null).flowDates();
        open("/explore?from=x");
        assertThat(browser.findElements(By.cssSelector("#diagram .edge"))).isNotEmpty();

        browser.findElement(By.id("activeOn-slider")).sendKeys(Keys.HOME);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "No organization is reached"));
        var chosen = param("activeOn");
        assertThat(chosen).as("a month before the earliest dated flow").isLessThan(span.get("earliest"));
        assertThat(browser.findElements(By.cssSelector("#diagram .edge"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#diagram .node"))).hasSize(1);
        assertThat(expectations("x", chosen).names()).as("the API agrees").containsOnlyKeys("x");

        browser.findElement(By.id("activeOn-slider")).sendKeys(Keys.END);
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#diagram .edge"), 0));
        assertThat(param("activeOn")).isGreaterThanOrEqualTo(span.get("latest").substring(0, 4));
    }

    @Test
    void exports_a_png_an_svg_and_a_report_whose_evidence_list_matches_the_trace() throws Exception {
        var expected = expectations("x", null);
        open("/explore?from=x");

        browser.findElement(By.id("export-png")).click();
        var png = download(".png");
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(400);
        long coloured = 0;
        for (int x = 0; x < image.getWidth(); x += 4) {
            for (int y = 0; y < image.getHeight(); y += 4) {
                coloured += (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 0 : 1;
            }
        }
        assertThat(coloured).as("pixels drawn").isGreaterThan(500);

        browser.findElement(By.id("export-svg")).click();
        var svg = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(download(".svg").toFile());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getTextContent())
                .contains(firstWords(expected.names().get(SECRET_SERVICE)), "conflicts with");

        browser.findElement(By.id("export-report")).click();
        var report = download(".html");
        var html = Files.readString(report);
        assertThat(html)
                .contains("<svg", "query explorerTrace", "trace(from: $from")
                .doesNotContain("<script");

        browser.get(report.toUri().toString());
        var items = browser.findElements(By.cssSelector("ol.flows > li"));
        var shown = new LinkedHashMap<String, List<String>>();
        for (var item : items) {
            shown.put(
                    item.getAttribute("data-flow-id"),
                    item.findElements(By.cssSelector("blockquote")).stream()
                            .map(WebElement::getText)
                            .toList());
        }
        var quotes = new LinkedHashMap<String, List<String>>();
        expected.evidence()
                .forEach((flow, evidence) -> quotes.put(
                        flow,
                        evidence.stream()
                                .map(e -> e.get("quote"))
                                .filter(Objects::nonNull)
                                .toList()));
        assertThat(shown).isEqualTo(quotes);
        assertThat(browser.findElement(By.cssSelector("li[data-flow-id='" + expected.flowTo(SECRET_SERVICE) + "']"))
                        .getAttribute("class"))
                .contains("conflict");
        assertThat(browser.findElement(By.cssSelector(".meta time")).getText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        HeadlessChromium.screenshot(browser, "explorer-report");
    }

    @Test
    void the_url_holds_every_control_and_a_link_reproduces_the_view() {
        open("/explore?from=x&direction=DOWNSTREAM&mode=LINEAGE&maxHops=4&activeOn=2023-07&purposes=LAW_ENFORCEMENT");

        assertThat(new Select(control("direction")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("DOWNSTREAM");
        assertThat(control("maxHops").getAttribute("value")).isEqualTo("4");
        assertThat(browser.findElement(By.id("activeOn-label")).getText()).isEqualTo("2023-07");
        assertThat(browser.findElement(By.cssSelector("input[name=purposes][value=LAW_ENFORCEMENT]"))
                        .isSelected())
                .isTrue();

        new Select(control("mode")).selectByValue("REACHABILITY");
        wait.until(driver -> "REACHABILITY".equals(param("mode")));
        assertThat(param("activeOn")).isEqualTo("2023-07");
        assertThat(param("purposes")).isEqualTo("LAW_ENFORCEMENT");

        browser.findElement(By.id("tab-table")).click();
        wait.until(driver -> "table".equals(param("view")));
        var rows = browser.findElements(By.cssSelector("#flow-table tbody tr"));
        assertThat(rows)
                .hasSize(browser.findElements(By.cssSelector("#diagram .edge")).size());
        // The table is drawn again when the answer comes; the wait reads the header whichever copy is shown.
        for (var column : List.of("From", "To", "Purpose", "Confidence", "Evidence")) {
            waitForText("#flow-table thead", column);
        }

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#flow-table tbody tr")));
        assertThat(new Select(control("mode")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("REACHABILITY");
    }

    @Test
    void search_finds_x_by_its_alias_and_an_organization_leads_to_its_timeline_and_a_trace_from_there() {
        open("/", "#controls select[name=direction] option");
        browser.findElement(By.id("from-search")).sendKeys("Twitter");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#from-results button[data-org-id='x']")))
                .click();
        wait.until(driver -> "x".equals(param("from")));
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram .node[data-org-id='dataminr']")));

        node("dataminr").click();

        var firstEntry = graphQl.document("{ timeline(entity: \"dataminr\") { title } }")
                .execute()
                .path("timeline[0].title")
                .entity(String.class)
                .get();
        waitForText("#details", firstEntry);
        browser.findElement(By.xpath("//aside[@id='details']//button[text()='Trace from here']"))
                .click();
        wait.until(driver -> "dataminr".equals(param("from")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#diagram .node.origin[data-org-id='dataminr']")));
    }

    @Test
    void paths_between_two_organizations_are_drawn_the_same_way() {
        var flows = graphQl.document("{ paths(from: \"x\", to: \"us-secret-service\") { flows { id } } }")
                .execute()
                .path("paths[*].flows[*].id")
                .entityList(String.class)
                .get();
        open("/explore?from=x&to=us-secret-service");

        assertThat(browser.findElements(By.cssSelector("#diagram .edge")).stream()
                        .map(e -> e.getAttribute("data-flow-ids"))
                        .toList())
                .containsExactlyInAnyOrderElementsOf(flows.stream().distinct().toList());
        assertThat(browser.findElement(By.id("status")).getText()).contains("from X to US Secret Service");

        // The diagram works from the keyboard too: each arrow is a focusable button.
        edge(flows.getLast()).sendKeys(Keys.ENTER);
        waitForText("#details", "Evidence");
    }

    @Test
    void an_api_error_is_shown_as_the_api_words_it() {
        var answer = new GraphQlHttp(port).post("{ trace(from: \"x\", maxHops: 99) { truncated } }", null);
        assertThat(answer.errors()).isNotEmpty();

        open("/explore?from=x&maxHops=99", "#controls select[name=direction] option");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));

        assertThat(browser.findElement(By.id("error")).getText()).isEqualTo(answer.message());
    }

    @Test
    void as_known_on_mid_2023_nothing_is_reached_and_by_the_end_of_2024_the_secret_service_is() {
        var before = expectations("x", null, "2023-06", null);
        assertThat(before.names())
                .as("the API: no source about X's data was published by June 2023")
                .containsOnlyKeys("x");
        var later = expectations("x", null, "2024-12", null);
        assertThat(later.names()).as("the API: known by December 2024").containsKey(SECRET_SERVICE);

        open("/explore?from=x&asKnownOn=2023-06");
        var status = waitForText("#status", "No organization is reached");
        assertThat(status.getText()).contains("as known on 2023-06");
        assertThat(nodeIds()).containsExactly("x");
        assertThat(control("asKnownOn").getAttribute("value")).isEqualTo("2023-06");

        open("/explore?from=x&asKnownOn=2024-12");
        node(SECRET_SERVICE);
        assertPictureIs(later);
        assertThat(browser.findElement(By.id("status")).getText()).contains("as known on 2024-12");

        var graphiql = graphiqlLink();
        assertThat((String) graphiql.get("query")).contains("asKnownOn: $asKnownOn", "recordedAsOf: $recordedAsOf");
        assertThat(graphiqlVariables(graphiql))
                .containsEntry("asKnownOn", "2024-12")
                .doesNotContainKey("recordedAsOf");
    }

    @Test
    void the_known_date_typed_in_the_form_goes_into_the_url_and_comes_back_with_it() {
        open("/explore?from=x");
        node(SECRET_SERVICE);
        assertThat(control("asKnownOn").getAttribute("value")).isEmpty();
        assertThat(param("asKnownOn")).isNull();

        control("asKnownOn").sendKeys("2023-06", Keys.TAB);

        wait.until(driver -> "2023-06".equals(param("asKnownOn")));
        waitForText("#status", "No organization is reached");
        assertThat(nodeIds()).containsExactly("x");

        browser.navigate().refresh();
        waitForText("#status", "No organization is reached");
        assertThat(control("asKnownOn").getAttribute("value")).isEqualTo("2023-06");

        control("asKnownOn").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.TAB);
        wait.until(driver -> param("asKnownOn") == null);
        node(SECRET_SERVICE);

        browser.navigate().back();
        wait.until(driver -> "2023-06".equals(control("asKnownOn").getAttribute("value")));
        waitForText("#status", "No organization is reached");
    }

    @Test
    void as_recorded_before_the_seed_was_loaded_nothing_is_reached_and_in_the_future_the_graph_of_now() {
        var empty = "2000-01-01T00:00:00Z";
        assertThat(expectations("x", null, null, empty).names())
                .as("the API: nothing was recorded in 2000")
                .containsOnlyKeys("x");
        var now = expectations("x", null);
        var future = Instant.now()
                .plus(365, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(expectations("x", null, null, future).names())
                .as("the API: a future instant is the graph of now")
                .isEqualTo(now.names());

        open("/explore?from=x&recordedAsOf=" + empty);
        assertThat(waitForText("#status", "No organization is reached").getText())
                .contains("as recorded at " + empty);
        assertThat(nodeIds()).containsExactly("x");
        assertThat(control("recordedAsOf").getAttribute("value"))
                .as("the instant, shown in local time")
                .isNotEmpty();
        // Another control changed: the instant stays as the link wrote it.
        new Select(control("mode")).selectByValue("REACHABILITY");
        wait.until(driver -> "REACHABILITY".equals(param("mode")));
        assertThat(param("recordedAsOf")).isEqualTo(empty);

        open("/explore?from=x&recordedAsOf=" + future);
        node(SECRET_SERVICE);
        assertPictureIs(now);
        assertThat(graphiqlVariables(graphiqlLink())).containsEntry("recordedAsOf", future);
    }

    @Test
    void a_moment_picked_in_the_form_goes_as_a_utc_instant() {
        open("/explore?from=x");
        node(SECRET_SERVICE);

        // Chromium's date-time field is typed differently in each locale: set the value as picking one does.
        browser.executeScript("""
                const input = document.querySelector('#controls [name=recordedAsOf]');
                input.value = '2000-01-01T00:00:00';
                input.dispatchEvent(new Event('change', { bubbles: true }));""");

        var expected = (String)
                browser.executeScript("return new Date('2000-01-01T00:00:00').toISOString().replace('.000Z', 'Z');");
        assertThat(expected).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        wait.until(driver -> expected.equals(param("recordedAsOf")));
        waitForText("#status", "No organization is reached");
        assertThat(nodeIds()).containsExactly("x");
    }

    @Test
    void flows_left_out_for_undated_evidence_are_counted_in_a_note() {
        loader.load(new ClassPathResource("fixtures/known-time-fixture.cypher"));
        try {
            var expected = expectations("kt-platform", null, "2030", null);
            assertThat(expected.undatedLeftOut()).as("the API").isPositive();
            assertThat(expectations("kt-platform", null).undatedLeftOut()).isZero();

            open("/explore?from=kt-platform&asKnownOn=2030");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
            assertThat(browser.findElement(By.id("notice")).getText())
                    .contains(expected.undatedLeftOut() + " flow", "left out", "evidence is undated");
            assertThat(nodeIds())
                    .containsExactlyInAnyOrderElementsOf(expected.names().keySet());

            open("/explore?from=kt-platform");
            waitForText("#status", "reached from");
            assertThat(browser.findElement(By.id("notice")).isDisplayed()).isFalse();
        } finally {
            // Other tests read the whole graph (flowDates, search): the fixture goes again.
            driver.executableQuery("MATCH (n) WHERE n.id STARTS WITH 'kt-' DETACH DELETE n")
                    .execute();
        }
    }

    // --- helpers ---

    private void open(String path) {
        open(path, "#diagram");
    }

    private void open(String path, String shown) {
        browser.get(local(path));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(shown)));
    }

    private String local(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement node(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#diagram .node[data-org-id='" + id + "']")));
    }

    private WebElement edge(String flowId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#diagram .edge[data-flow-ids~='" + flowId + "']")));
    }

    private WebElement control(String name) {
        return browser.findElement(By.cssSelector("#controls [name='" + name + "']"));
    }

    private WebElement waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return browser.findElement(By.cssSelector(css));
    }

    /** The organizations drawn, by id (an answer small enough to draw one by one). */
    private List<String> nodeIds() {
        return browser.findElements(By.cssSelector("#diagram .node[data-org-id]")).stream()
                .map(n -> n.getAttribute("data-org-id"))
                .toList();
    }

    /** The distinct flows the arrows stand for. */
    private List<String> edgeFlowIds() {
        return browser.findElements(By.cssSelector("#diagram .edge")).stream()
                .flatMap(e -> Stream.of(
                        Objects.requireNonNull(e.getAttribute("data-flow-ids")).split(" ")))
                .distinct()
                .toList();
    }

    /** The query and variables that "Open in GraphiQL" carries. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> graphiqlLink() {
        return (Map<String, Object>) browser.executeScript("""
                const params = new URL(document.getElementById('open-graphiql').href).searchParams;
                return { query: params.get('query'), variables: JSON.parse(params.get('variables')) };""");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> graphiqlVariables(Map<String, Object> link) {
        return (Map<String, Object>) link.get("variables");
    }

    private @Nullable String param(String name) {
        return (String) browser.executeScript("return new URLSearchParams(location.search).get(arguments[0]);", name);
    }

    /** The first file with this ending to appear in the download folder, once Chromium has finished writing it. */
    /**
     * A finished download: Chromium may show the file under its final name before the bytes are in,
     * so the wait holds out for a non-empty file and no partial download beside it.
     */
    private Path download(String ending) {
        return wait.until(driver -> {
            try (Stream<Path> files = Files.list(downloads)) {
                var names = files.toList();
                if (names.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"))) {
                    return null;
                }
                for (var file : names) {
                    if (file.getFileName().toString().endsWith(ending) && Files.size(file) > 0) {
                        return file;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Names in the diagram may be wrapped over lines or shortened; their first word is always shown whole. */
    private static String firstWords(String name) {
        return name.split("[\\s-]")[0];
    }

    /** The diagram shows the API's answer: its organizations, its flows and its conflicts. */
    private void assertPictureIs(Expected expected) {
        assertThat(nodeIds())
                .containsExactlyInAnyOrderElementsOf(expected.names().keySet());
        assertThat(edgeFlowIds())
                .containsExactlyInAnyOrderElementsOf(expected.evidence().keySet());
        assertThat(browser.findElements(By.cssSelector("#diagram .edge.conflict")))
                .hasSize(expected.conflictPolicies().size());
    }

    private Expected expectations(String from, @Nullable String activeOn) {
        return expectations(from, activeOn, null, null);
    }

    private Expected expectations(
            String from, @Nullable String activeOn, @Nullable String asKnownOn, @Nullable String recordedAsOf) {
        var response = graphQl.documentName("explorerExpectations")
                .variable("from", from)
                .variable("activeOn", activeOn)
                .variable("asKnownOn", asKnownOn)
                .variable("recordedAsOf", recordedAsOf)
                .execute();
        return new Expected(
                response.path("trace").entity(Map.class).get(),
                response.path("policyConflicts").entityList(Map.class).get(),
                response.path("flowDates").entity(Map.class).get());
    }

    /** The API's answer, in the shapes the assertions compare. */
    @SuppressWarnings("unchecked")
    private record Expected(Map<String, Object> trace, List<Map> conflicts, Map<String, String> flowDates) {

        Map<String, String> names() {
            var names = new LinkedHashMap<String, String>();
            var origin = (Map<String, String>) trace.get("origin");
            names.put(origin.get("id"), origin.get("name"));
            for (var reach : (List<Map<String, Object>>) trace.get("reached")) {
                var org = (Map<String, String>) reach.get("organization");
                names.put(org.get("id"), org.get("name"));
            }
            return names;
        }

        /** Each distinct flow of the paths with its evidence (quote, url), in the order the API lists them. */
        Map<String, List<Map<String, String>>> evidence() {
            var evidence = new LinkedHashMap<String, List<Map<String, String>>>();
            for (var path : (List<Map<String, Object>>) trace.get("paths")) {
                for (var flow : (List<Map<String, Object>>) path.get("flows")) {
                    var items = new ArrayList<Map<String, String>>();
                    for (var item : (List<Map<String, Object>>) flow.get("evidence")) {
                        var source = (Map<String, String>) item.get("source");
                        var entry = new LinkedHashMap<String, String>();
                        entry.put("quote", (String) item.get("quote"));
                        entry.put("url", source.get("url"));
                        items.add(entry);
                    }
                    evidence.putIfAbsent((String) flow.get("id"), items);
                }
            }
            return evidence;
        }

        int undatedLeftOut() {
            return ((Number) trace.get("undatedLeftOut")).intValue();
        }

        String flowTo(String organization) {
            for (var path : (List<Map<String, Object>>) trace.get("paths")) {
                for (var flow : (List<Map<String, Object>>) path.get("flows")) {
                    if (organization.equals(((Map<String, String>) flow.get("to")).get("id"))) {
                        return (String) flow.get("id");
                    }
                }
            }
            throw new AssertionError("No flow to " + organization + " in " + trace);
        }

        Map<String, String> conflictPolicies() {
            var policies = new LinkedHashMap<String, String>();
            for (var conflict : conflicts) {
                policies.put(
                        ((Map<String, String>) conflict.get("flow")).get("id"),
                        ((Map<String, String>) conflict.get("policy")).get("title"));
            }
            return policies;
        }
    }
}
