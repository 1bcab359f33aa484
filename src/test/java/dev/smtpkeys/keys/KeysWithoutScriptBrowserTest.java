package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.smtpkeys.support.Browser;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The SMTP tab in a browser with JavaScript switched off: the links lead to confirmation pages and the
 * new key, shown once, must still be the first thing on the screen, with no control that does nothing.
 */
@QuarkusTest
class KeysWithoutScriptBrowserTest {

    static ChromeDriver browser;
    static WebDriverWait wait;

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestAccounts accounts;

    @Inject
    KeyService keys;

    TestAccounts.Created owner;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start("en", false);
        wait = Browser.waitFor(browser);
    }

    @AfterAll
    static void quitBrowser() {
        Browser.quit(browser);
    }

    @BeforeEach
    void signIn() {
        owner = accounts.create();
        Browser.signIn(browser, base.toString(), owner.email());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.keys tbody tr.master")));
    }

    @Test
    void theNewKeyIsTheFirstThingOnTheScreenAndNoDeadButtonShows() {
        browser.findElement(By.cssSelector("a[href$='/settings/keys/smtp/new']")).click();
        wait.until(ExpectedConditions.urlContains("/settings/keys/smtp/new"));
        browser.findElement(By.id("key-name")).sendKeys("Shop");
        WebElement form = browser.findElement(By.cssSelector("form[data-once]"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(form));

        WebElement created = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created-dialog")));
        Browser.screenshot(browser, "created-without-script");
        WebElement secret = created.findElement(By.id("new-key"));
        assertTrue(keys.verify(owner.smtpLogin(), secret.getDomProperty("value")).isPresent());
        long viewport = ((Number) browser.executeScript("return window.innerHeight;")).longValue();
        assertTrue(secret.getRect().getY() + secret.getRect().getHeight() <= viewport,
                "the new key is on the first screen, not below the table: y=" + secret.getRect().getY());
        assertTrue(created.getRect().getY() < browser.findElement(By.tagName("h1")).getRect().getY(),
                "the new key comes before the page's heading");
        for (WebElement copy : browser.findElements(By.cssSelector("[data-copy]"))) {
            assertTrue(!copy.isDisplayed(), "a copy button that cannot work without script is hidden");
        }
        for (WebElement copy : browser.findElements(By.cssSelector("[data-copy]"))) {
            assertEquals("none", copy.getCssValue("display"));
        }

        created.findElement(By.linkText("OK")).click();
        wait.until(ExpectedConditions.stalenessOf(created));
        assertEquals(0, browser.findElements(By.id("created-dialog")).size());
        assertEquals(2, browser.findElements(By.cssSelector("table.keys tbody tr")).size());
    }

    @Test
    void aRefusedNameIsShownAtTheTopWithWhatWasTyped() {
        browser.get(base + "settings/keys/smtp/new");
        browser.findElement(By.id("key-name")).sendKeys("Master password");
        WebElement form = browser.findElement(By.cssSelector("form[data-once]"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generate-dialog")));
        long viewport = ((Number) browser.executeScript("return window.innerHeight;")).longValue();
        assertTrue(dialog.findElement(By.cssSelector(".error")).getRect().getY() < viewport);
        assertEquals("Master password", dialog.findElement(By.id("key-name")).getDomProperty("value"));
    }
}
