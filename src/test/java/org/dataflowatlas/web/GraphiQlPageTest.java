package org.dataflowatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.dataflowatlas.AtlasIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GraphiQL at /graphiql, in a real browser that cannot reach the internet. */
@AtlasIntegrationTest
class GraphiQlPageTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openAWindow() {
        browser = HeadlessChromium.window("http://localhost:" + port, null);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), HeadlessChromium.POLL);
    }

    @Test
    void graphiql_renders_and_runs_a_query_with_the_internet_out_of_reach() {
        var local = "http://localhost:" + port;
        browser.get(local + "/graphiql?query=" + URLEncoder.encode("{ __typename }", StandardCharsets.UTF_8));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".graphiql-query-editor .CodeMirror")));
        assertThat(browser.findElement(By.cssSelector(".graphiql-query-editor")).getText())
                .contains("__typename");
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".result-window"), "\"__typename\": \"Query\""));

        // The schema loaded too: the documentation pane lists the root type and its described fields.
        browser.findElement(By.cssSelector("button[aria-label='Show Documentation Explorer']"))
                .click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-doc-explorer"), "Query"));
        browser.findElement(By.cssSelector(".graphiql-doc-explorer a.graphiql-doc-explorer-type-name"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".graphiql-doc-explorer"), "Follows data flows outward from an organization"));
        HeadlessChromium.screenshot(browser, "graphiql");

        var requested = HeadlessChromium.requestedUrls(browser);
        assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(local + "/"));
        assertThat(requested)
                .anyMatch(url -> url.contains("/_static/graphiql/"))
                .anyMatch(url -> url.contains("/webjars/react/"))
                .anyMatch(url -> url.endsWith("/graphql"));

        // And the internet is indeed out of reach for this browser, while this server is not.
        var cdn = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('https://esm.sh/graphiql', { mode: 'no-cors' }).then(() => done('reached'), (e) => done('failed: ' + e));
                """);
        assertThat(cdn).asString().startsWith("failed");
        var self = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/actuator/health').then((r) => done('status ' + r.status), (e) => done('failed: ' + e));
                """);
        assertThat(self).isEqualTo("status 200");
    }
}
