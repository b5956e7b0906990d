package org.dataflowatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dataflowatlas.OwnDatabase;
import org.dataflowatlas.ReadsNeedKeyIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** With {@code dataflow.security.reads=key} the pages load, ask for a key once, and keep it for the tab only. */
@ReadsNeedKeyIntegrationTest
class PagesWithKeyTest {

    final int port = OwnDatabase.port();

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openAWindow() {
        browser = HeadlessChromium.window(local(""), null);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), HeadlessChromium.POLL);
    }

    @Test
    void the_explorer_asks_for_a_key_once_and_keeps_it_for_the_tab_only() {
        browser.get(local("/explore?from=x"));

        var dialog = keyDialog();
        assertThat(dialog.getText()).contains("This server needs an API key", "this browser tab only");
        dialog.findElement(By.name("key")).sendKeys("not-a-key-of-this-server");
        dialog.findElement(By.cssSelector("button[value=use]")).click();
        var again = keyDialog();
        assertThat(again.getText()).as("the server's words for a wrong key").contains("not one this server knows");
        again.findElement(By.name("key")).sendKeys(TestSupport.READER_KEY);
        again.findElement(By.cssSelector("button[value=use]")).click();

        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram .node[data-org-id='dataminr']")));
        assertThat(browser.executeScript("return sessionStorage.getItem('dataflow-atlas.api-key')"))
                .isEqualTo(TestSupport.READER_KEY);
        assertThat(browser.executeScript("return localStorage.length")).isEqualTo(0L);

        browser.navigate().refresh();
        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram .node[data-org-id='dataminr']")));
        assertThat(browser.findElements(By.cssSelector("dialog.key-dialog"))).isEmpty();

        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(local("/explore?from=x"));
        assertThat(keyDialog().getText()).as("a new tab asks again").contains("This server needs an API key");
    }

    @Test
    void graphiql_asks_for_the_key_and_then_reads_the_schema_and_runs_queries() {
        browser.get(local("/graphiql?query="
                + URLEncoder.encode("{ organization(id: \"x\") { name } }", StandardCharsets.UTF_8)));

        var dialog = keyDialog();
        dialog.findElement(By.name("key")).sendKeys(TestSupport.READER_KEY);
        dialog.findElement(By.cssSelector("button[value=use]")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".result-window"), "\"name\": \"X\""));
    }

    @Test
    void the_pages_and_every_file_they_load_are_served_without_a_key_but_graphql_is_not() throws Exception {
        var http = HttpClient.newHttpClient();
        var files = new ArrayList<String>(List.of("/", "/explore", "/graphiql"));
        for (var page : List.of("index.html", "graphiql/index.html")) {
            Pattern.compile("(?:src|href)=\"(/[^\"]+)\"")
                    .matcher(Files.readString(Path.of("src/main/resources/static", page)))
                    .results()
                    .forEach(m -> files.add(m.group(1)));
        }
        try (var assets = Files.list(Path.of("src/main/resources/static/assets"))) {
            assets.forEach(asset -> files.add("/assets/" + asset.getFileName()));
        }
        assertThat(files).contains("/webjars/react/18.3.1/umd/react.production.min.js");
        for (var file : files) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(local(file))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(file).isEqualTo(200);
        }
        var graphql = http.send(
                HttpRequest.newBuilder(URI.create(local("/graphql")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(graphql.statusCode()).isEqualTo(401);
    }

    private WebElement keyDialog() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.key-dialog[open]")));
    }

    private String local(String path) {
        return "http://localhost:" + port + path;
    }
}
