package dev.smtpkeys.support;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;

/**
 * Base of a {@code @QuarkusTest} driving a real browser: one English browser with script for the
 * class, started before its first test and quit after its last, an explicit {@link #wait} on it, and
 * the app's {@link #base} address. Each test signs in with {@link Browser#signIn}. A subclass's own
 * {@code @BeforeAll} runs after the browser has started.
 */
public abstract class BrowserTest {

    protected static ChromeDriver browser;
    protected static WebDriverWait wait;

    @TestHTTPResource("/")
    protected URL base;

    @Inject
    protected TestAccounts accounts;

    @Inject
    protected TestData data;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start("en");
        wait = Browser.waitFor(browser);
    }

    @AfterAll
    static void quitBrowser() {
        Browser.quit(browser);
    }
}
