package io.chaintill.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, through Debian's chromedriver) for browser tests. The first use in a JVM
 * runs {@code deploy/chromium/install.sh}, which installs both when missing. The driver path is given explicitly,
 * so Selenium Manager never tries to download anything. Each browser gets a fresh profile folder, removed on
 * {@link #close()}.
 *
 * <pre>
 * try (Browser b = Browser.forTest(MyIT.class).phone().language("de").start()) {
 *     b.open(url);
 *     b.screenshot("start");   // target/screenshots/MyIT/01-start.png
 * }
 * </pre>
 */
public final class Browser implements AutoCloseable {
    /** Flags for this machine kind: its closed network refuses Chromium's background connections. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--no-default-browser-check", "--hide-scrollbars");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    /** Screenshot numbers per test class, shared by all of its browsers so the files sort in test order. */
    private static final Map<String, AtomicInteger> SHOTS = new ConcurrentHashMap<>();
    private static Path[] binaries;
    /**
     * Selenium warns on every start that it has no CDP bindings for this Chromium version; only
     * {@code executeCdpCommand} is used, which goes through chromedriver and needs none. Held here so the
     * quieted loggers are not collected (and reset) while tests run.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
            Logger.getLogger("org.openqa.selenium.chromium"));

    static {
        QUIET.forEach(l -> l.setLevel(Level.SEVERE));
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final String screenshotFolder;

    private Browser(ChromeDriver driver, Path profile, String screenshotFolder) {
        this.driver = driver;
        this.profile = profile;
        this.screenshotFolder = screenshotFolder;
    }

    /** Starts configuring a browser whose screenshots go to target/screenshots/&lt;testClass simple name&gt;/. */
    public static Options forTest(Class<?> testClass) {
        return new Options(testClass.getSimpleName());
    }

    /** What {@link #forTest} configures; defaults: desktop 1280x900, JavaScript on, browser's own language. */
    public static final class Options {
        private final String folder;
        private int width = 1280;
        private int height = 900;
        private boolean mobile;
        private boolean javascript = true;
        private String language;

        private Options(String folder) {
            this.folder = folder;
        }

        /** A desktop window, 1280x900 (the default). */
        public Options desktop() {
            return size(1280, 900);
        }

        /** A phone screen, 360x740, reported to the page as a mobile device. */
        public Options phone() {
            size(360, 740);
            mobile = true;
            return this;
        }

        /** Any viewport size in CSS pixels. */
        public Options size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** false: the browser runs no page scripts at all (as with JavaScript switched off in the settings). */
        public Options javascript(boolean enabled) {
            this.javascript = enabled;
            return this;
        }

        /** Preferred language, e.g. "de" or "es-ES": the UI language and the Accept-Language header. */
        public Options language(String tag) {
            this.language = tag;
            return this;
        }

        public Browser start() {
            Path[] bin = binaries();
            Path profile;
            try {
                profile = Files.createTempDirectory("chaintill-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(bin[0].toFile());
            options.addArguments(FLAGS);
            options.addArguments("--user-data-dir=" + profile, "--window-size=" + width + "," + height);
            Map<String, Object> prefs = new HashMap<>();
            if (!javascript) {
                prefs.put("profile.managed_default_content_settings.javascript", 2);
            }
            if (language != null) {
                options.addArguments("--lang=" + language);
                prefs.put("intl.accept_languages", language);
            }
            if (!prefs.isEmpty()) {
                options.setExperimentalOption("prefs", prefs);
            }
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(bin[1].toFile())
                    .usingAnyFreePort()
                    .withLogOutput(java.io.OutputStream.nullOutputStream())
                    .build();
            ChromeDriver driver;
            try {
                driver = new ChromeDriver(service, options);
            } catch (RuntimeException e) {
                deleteTree(profile);
                throw e;
            }
            Browser browser = new Browser(driver, profile, folder);
            // Exact viewport (a window's size includes its frame); "mobile" makes the page see a phone.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                    "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return browser;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a page and waits for it (document ready). */
    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** The visible text of the whole page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public List<WebElement> findAll(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    /** Waits until the condition returns something other than null or false, and returns it. */
    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition);
    }

    /**
     * Clicks the element, finding it again when a script re-rendered it between finding and clicking (the
     * dashboard rebuilds its navigation once the stores are loaded).
     */
    public void click(String cssSelector, Duration timeout) {
        await(timeout, d -> clickIfThere(cssSelector));
    }

    /** One try of {@link #click}: false when the element is not there (yet, or any more) or was re-rendered. */
    public boolean clickIfThere(String cssSelector) {
        try {
            driver.findElement(By.cssSelector(cssSelector)).click();
            return true;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return false;
        }
    }

    /** Presses Tab (with Shift when back is true) and returns the element that has the focus then. */
    public WebElement tab(boolean back) {
        Actions a = new Actions(driver);
        (back ? a.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT) : a.sendKeys(Keys.TAB)).perform();
        return driver.switchTo().activeElement();
    }

    /** Presses a key on whatever has the focus. */
    public void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Runs a script in the page (works with page scripts switched off: the driver's own channel). */
    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Console messages since the last call (errors include CSP violations and failed loads), as "LEVEL text". */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /**
     * Console messages at SEVERE since the last call to {@link #console} or this, except a missing /favicon.ico:
     * the browser asks for it on its own, whatever the page says.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.matches("\\S+/favicon\\.ico - Failed to load resource.*")).toList();
    }

    /**
     * Saves the whole page (not only the viewport) as target/screenshots/&lt;TestClass&gt;/&lt;nn&gt;-&lt;step&gt;.png and
     * returns the file.
     */
    public Path screenshot(String step) {
        int n = SHOTS.computeIfAbsent(screenshotFolder, k -> new AtomicInteger()).incrementAndGet();
        String name = String.format("%02d-%s.png", n, step.replaceAll("[^A-Za-z0-9._-]+", "-"));
        Path file = Path.of(System.getProperty("basedir", System.getProperty("user.dir")),
                "target", "screenshots", screenshotFolder, name);
        byte[] png = Base64.getDecoder().decode((String) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true)).get("data"));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    /** {chromium, chromedriver}, installed on first use. */
    private static synchronized Path[] binaries() {
        if (binaries != null) {
            return binaries;
        }
        Path script = Installers.projectScript("deploy/chromium/install.sh", "run from the project base dir");
        List<String> lines = Installers.run(script, INSTALL_TIMEOUT, 2, "Chromium");
        binaries = new Path[] {Path.of(lines.get(lines.size() - 2).strip()), Path.of(lines.get(lines.size() - 1).strip())};
        return binaries;
    }

    /** Without following links: a profile holds symlinks (SingletonLock ...) into other folders. */
    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is not worth failing a test for
        }
    }
}
