package org.convquiz.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by its own chromedriver (Selenium Manager downloads nothing), for
 * browser tests inside {@code @QuarkusTest}s. Screenshots go to target/screenshots/.
 * <p>
 * Every page a browser test visits — by {@code driver().get}, {@link #clickAndWait} or a screenshot — is
 * checked by {@link Accessibility} (axe-core, sideways scrolling at 1280 and 390 px, Latin words on Chinese
 * pages), once per kind of page (its path with numbers taken out) and language in a test run; {@link #close}
 * fails the test if any page had problems.
 */
public final class Browser implements AutoCloseable {
    /** Kinds of page already checked in this test run: "zh /attempts/N". */
    private static final java.util.Set<String> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * Names, titles and codes the tests (and the demo data) made up: content, not the app's wording, so the
     * Chinese-page language check leaves them out. TestData adds what it creates.
     */
    private static final java.util.Set<String> MADE_UP = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        MADE_UP.add("CNN basics (demo)");
    }

    /** Registers text a test made up (people's names, course titles, user names). */
    public static void madeUp(String... text) {
        for (String t : text) {
            if (t != null && !t.isBlank()) {
                MADE_UP.add(t);
            }
        }
    }

    private final CheckingDriver driver;
    private final java.util.List<String> problems = new java.util.ArrayList<>();
    private java.util.Set<String> userText = java.util.Set.of();

    private Browser(CheckingDriver driver) {
        this.driver = driver;
        driver.owner = this;
    }

    /** A ChromeDriver whose page loads by address are checked. */
    private static final class CheckingDriver extends ChromeDriver {
        private Browser owner;

        CheckingDriver(ChromeDriverService service, ChromeOptions options) {
            super(service, options);
        }

        @Override
        public void get(String url) {
            super.get(url);
            if (owner != null) {
                owner.checkPage();
            }
        }
    }

    /** Names and titles the test made up (not the app's wording), left out of the Chinese-page language check. */
    public Browser userText(java.util.Set<String> text) {
        this.userText = java.util.Set.copyOf(text);
        return this;
    }

    /** Checks the page now shown, unless a page of its kind was checked already in this language. */
    public void checkPage() {
        String url;
        String lang;
        try {
            url = driver.getCurrentUrl();
            lang = String.valueOf(driver.executeScript("return document.documentElement.lang || '';"));
        } catch (org.openqa.selenium.WebDriverException e) {
            return; // no page (an alert, a download): nothing to check
        }
        if (url == null || !url.startsWith("http")) {
            return;
        }
        String path = java.net.URI.create(url).getPath().replaceAll("\\d+", "N");
        if (path.endsWith(".csv") || path.endsWith(".json") || !CHECKED.add(lang + " " + path)) {
            return;
        }
        java.util.Set<String> skip = new java.util.HashSet<>(MADE_UP);
        skip.addAll(userText);
        for (String problem : Accessibility.problems(driver, lang, skip)) {
            problems.add(lang + " " + path + ": " + problem);
        }
    }

    public static Browser open(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--lang=" + language, "--window-size=1280,1000");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        CheckingDriver driver = new CheckingDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        driver.manage().window().setSize(new Dimension(1280, 1000));
        return new Browser(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Clicks something that loads a new page and waits until the new page is complete. The old page
     * is marked with a script variable; the new page is the one without it (robust where waiting for a
     * stale element can race with the navigation).
     */
    public void clickAndWait(org.openqa.selenium.WebElement element) {
        driver.executeScript("window.__convquizOldPage = true;");
        element.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return window.__convquizOldPage === undefined && document.readyState === 'complete';")));
        checkPage();
    }

    /** Opens a sign-in page (e.g. {@code root + "login?lang=zh"}) and signs in there. */
    public void signIn(String loginUrl, String username, String password) {
        driver.get(loginUrl);
        signIn(username, password);
    }

    /** Signs in on the sign-in form of the page showing and waits for the page it leads to. */
    public void signIn(String username, String password) {
        driver.findElement(org.openqa.selenium.By.id("j_username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("j_password")).sendKeys(password);
        clickAndWait(driver.findElement(org.openqa.selenium.By.cssSelector("form[action='/j_security_check'] button")));
    }

    /** Saves a full-page screenshot as target/screenshots/NAME.png and returns its path. */
    public Path screenshot(String name) {
        checkPage();
        try {
            driver.manage().window().setSize(new Dimension(1280, 800));
            long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(4000, Math.max(800, height + 40))));
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.regex.Pattern LATIN_WORDS = java.util.regex.Pattern.compile("(.*zh page shows Latin words: )\\[(.*)]");

    /**
     * Problems found on the pages checked so far. A made-up word registered after its page was checked (a course's
     * random join code is known only once the course exists) no longer counts.
     */
    public java.util.List<String> problems() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String problem : problems) {
            java.util.regex.Matcher m = LATIN_WORDS.matcher(problem);
            if (!m.matches()) {
                out.add(problem);
                continue;
            }
            java.util.List<String> words = java.util.Arrays.stream(m.group(2).split(", ")).filter(w -> !MADE_UP.contains(w)).toList();
            if (!words.isEmpty()) {
                out.add(m.group(1) + words);
            }
        }
        return out;
    }

    @Override
    public void close() {
        driver.quit();
        java.util.List<String> found = problems();
        if (!found.isEmpty()) {
            throw new AssertionError("pages with accessibility, width or language problems:\n  " + String.join("\n  ", found));
        }
    }
}
