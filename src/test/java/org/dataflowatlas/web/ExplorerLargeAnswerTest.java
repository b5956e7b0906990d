package org.dataflowatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;

/** An answer of some 3,000 organizations (fixtures/dense-sharing-network.cypher) stays usable in the explorer. */
@AtlasIntegrationTest
class ExplorerLargeAnswerTest {

    @LocalServerPort
    int port;

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    CypherScriptLoader loader;

    @Autowired
    Driver driver;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void loadTheNetworkAndOpenAWindow() {
        loader.load(new ClassPathResource("fixtures/dense-sharing-network.cypher"));
        browser = HeadlessChromium.window("http://localhost:" + port, null);
        wait = new WebDriverWait(browser, Duration.ofSeconds(90), HeadlessChromium.POLL);
    }

    /** Other tests read the whole graph (flowDates, search): the network goes again. */
    @AfterEach
    void removeTheNetwork() {
        driver.executableQuery("""
                        MATCH (n) WHERE (n:Organization OR n:DataFlow OR n:DataCategory OR n:Source) AND n.id STARTS WITH 'dense-'
                        DETACH DELETE n
                        """).execute();
    }

    @Test
    void three_thousand_organizations_collapse_by_hop_and_kind_with_a_message_and_the_whole_table() {
        int reached = graphQl.document(
                        "{ trace(from: \"dense-origin\", mode: REACHABILITY, maxHops: 3, limit: 5000) { reached { hops } } }")
                .execute()
                .path("trace.reached")
                .entityList(Object.class)
                .get()
                .size();
        assertThat(reached).isGreaterThan(3000);

        browser.get("http://localhost:" + port + "/explore?from=dense-origin&mode=REACHABILITY&maxHops=3&limit=5000");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(browser.findElement(By.id("notice")).getText())
                .contains(String.format("%,d organizations", reached), "too many to draw one by one", "hop and kind");
        var boxes = browser.findElements(By.cssSelector("#diagram .node"));
        assertThat(boxes).hasSizeLessThan(10);
        assertThat(browser.findElements(By.cssSelector("#diagram .node[data-node-id^='box:']")))
                .hasSize(boxes.size() - 1);
        HeadlessChromium.screenshot(browser, "explorer-large-answer");

        var agencies = browser.findElement(By.cssSelector("#diagram .node[data-node-id='box:2:AGENCY'] text"));
        agencies.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "At hop 2"));
        assertThat(browser.findElements(By.cssSelector("#details li button"))).hasSizeGreaterThan(100);

        browser.findElement(By.id("tab-table")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("organization-table")));
        assertThat(browser.findElements(By.cssSelector("#organization-table tbody tr")))
                .as("the origin and every organization reached")
                .hasSize(reached + 1);
    }
}
