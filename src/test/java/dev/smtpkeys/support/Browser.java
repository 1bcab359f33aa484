package dev.smtpkeys.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the system packages (installed by .ci/run), driven by Selenium. No
 * browser download: the binary and driver paths are given, so Selenium Manager never runs. A
 * browser test class starts one in {@code @BeforeAll} and quits it in {@code @AfterAll};
 * {@link #reset} gives each test a signed-out browser of the usual size.
 *
 * <p>Waits are explicit only ({@link #waitFor}): an implicit wait would make every check that an
 * element is absent cost its full timeout.
 *
 * <p>Without Chromium the browser tests fail, so a build cannot pass without them; a developer who
 * has no Chromium may skip them with {@code -Dbrowser.optional=true} (README, "The two commands").
 */
public final class Browser {

    /** The system property that turns a missing browser into skipped tests instead of failed ones. */
    public static final String OPTIONAL = "browser.optional";

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Dimension WINDOW = new Dimension(1280, 900);

    private Browser() {
    }

    public static ChromeDriver start(String language) {
        return start(language, true);
    }

    /** A browser with JavaScript switched off ({@code script=false}), as some users and readers run it. */
    public static ChromeDriver start(String language, boolean script) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String missing = "Chromium and ChromeDriver are needed at " + CHROMIUM + " and " + DRIVER
                    + " (bash .ci/run installs them; CHROMIUM and CHROMEDRIVER name other paths)";
            Assumptions.assumeFalse(Boolean.getBoolean(OPTIONAL), missing + "; skipped: -D" + OPTIONAL + "=true");
            throw new IllegalStateException(missing + ", or skip the browser tests with -D" + OPTIONAL + "=true");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + WINDOW.width + "," + WINDOW.height, "--lang=" + language);
        options.setExperimentalOption("prefs", script ? Map.of("intl.accept_languages", language)
                : Map.of("intl.accept_languages", language, "profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Signs the browser out (no cookies, no stored e-mail), restores the window size and drops the
     * console log of earlier tests; leaves it on a fresh sign-in page.
     */
    public static void reset(ChromeDriver driver, String base) {
        driver.get(base + "login");
        driver.manage().deleteAllCookies();
        driver.executeScript("window.sessionStorage.clear(); window.localStorage.clear();");
        driver.manage().window().setSize(WINDOW);
        driver.get(base + "login");
        driver.manage().logs().get(LogType.BROWSER);
    }

    /**
     * Signs the browser out ({@link #reset}), then in as {@code email} with {@link TestAccounts#PASSWORD}
     * through the sign-in form, as a person would; the caller waits for the page it expects next.
     */
    public static void signIn(ChromeDriver driver, String base, String email) {
        reset(driver, base);
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    /**
     * An explicit wait of up to 10 s, polled every 50 ms (Selenium's default of 500 ms would add up
     * to half a second to every wait for a page that is nearly there).
     */
    public static WebDriverWait waitFor(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50));
    }

    public static void quit(ChromeDriver driver) {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            // a missing screenshot never fails a test
        }
    }
}
