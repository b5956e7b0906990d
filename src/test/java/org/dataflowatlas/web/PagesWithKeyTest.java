package org.dataflowatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** With {@code dataflow.security.reads=key} the pages load, ask for a key once, and keep it for the tab only. */
@AtlasIntegrationTest
@TestPropertySource(properties = "dataflow.security.reads=key")
class PagesWithKeyTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
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

    private WebElement keyDialog() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.key-dialog[open]")));
    }

    private String local(String path) {
        return "http://localhost:" + port + path;
    }
}
