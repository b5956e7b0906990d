package org.dataflowatlas.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The installed Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs), headless and offline. Tests that need it skip with a clear message only where neither is installed.
 *
 * <p>Offline: every request for anywhere but this machine goes to a proxy at 127.0.0.1:9, where
 * nothing listens, so it fails without leaving the machine; Chromium sends requests for localhost
 * directly, never through a proxy. {@link #requestedUrls} lists what a page asked for, from the
 * browser's own network log.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where tests save screenshots: build output, never committed. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * How often a test's wait looks again: Selenium's default of half a second would add a quarter
     * of a second on average to every step that waits for the page.
     */
    public static final Duration POLL = Duration.ofMillis(50);

    /**
     * The browser {@link #window} opens windows in, one per test thread (the classes that share the
     * seeded context run on one, those with a server of their own on another); started on first use,
     * quit when the test JVM exits.
     */
    private static final ThreadLocal<@Nullable ChromeDriver> SHARED = new ThreadLocal<>();

    private HeadlessChromium() {}

    /**
     * A new window, the only one, in a browser the page tests running on this thread share (one after
     * another, never beside each other): starting Chromium costs more than most page tests.
     * The window has storage of its own (a new tab's {@code sessionStorage}; {@code origin}'s local
     * storage, cookies and other data cleared), its cache off (so every asset is asked of the server
     * and shows in {@link #requestedUrls}, emptied here), the default size, and saves downloads into
     * {@code downloads} when given. The caller leaves the browser open.
     */
    public static ChromeDriver window(String origin, @Nullable Path downloads) {
        var browser = SHARED.get();
        if (browser == null || !responds(browser)) {
            var started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "quit-chromium"));
            SHARED.set(started);
            browser = started;
        }
        var previous = browser.getWindowHandles();
        browser.switchTo().newWindow(WindowType.WINDOW);
        var current = browser.getWindowHandle();
        for (var handle : previous) {
            browser.switchTo().window(handle).close();
        }
        browser.switchTo().window(current);
        browser.manage().window().setSize(new Dimension(1400, 900));
        browser.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        browser.executeCdpCommand(
                "Browser.setDownloadBehavior",
                downloads == null
                        ? Map.of("behavior", "default")
                        : Map.of(
                                "behavior",
                                "allow",
                                "downloadPath",
                                downloads.toAbsolutePath().toString()));
        requestedUrls(browser);
        return browser;
    }

    private static boolean responds(ChromeDriver browser) {
        try {
            browser.getWindowHandles();
            return true;
        } catch (WebDriverException ex) {
            return false;
        }
    }

    /** A new browser with an empty profile; the caller quits it. */
    private static ChromeDriver start() {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No Chromium at " + CHROMIUM + " with a driver at " + CHROMEDRIVER
                        + ": install Debian's chromium and chromium-driver (.ci/run does) to run the browser tests.");
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a Chromium profile directory", e);
        }
        var logging = new LoggingPreferences();
        logging.enable(LogType.PERFORMANCE, Level.ALL);
        logging.enable(LogType.BROWSER, Level.ALL);
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--proxy-server=127.0.0.1:9",
                        "--window-size=1400,900",
                        "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Every URL the browser requested over the network since the last call (the log is read and
     * emptied); the browser's own pages ({@code chrome:}, and {@code chrome-untrusted:} such as the new
     * tab page it may open before the first navigation) and in-page {@code data:} and {@code blob:}
     * addresses are left out, as they need no network.
     */
    public static List<String> requestedUrls(WebDriver driver) {
        var urls = new ArrayList<String>();
        for (var entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
                var url = message.path("params").path("request").path("url").asString();
                if (!url.startsWith("chrome://")
                        && !url.startsWith("chrome-untrusted://")
                        && !url.startsWith("data:")
                        && !url.startsWith("blob:")) {
                    urls.add(url);
                }
            }
        }
        return urls;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
