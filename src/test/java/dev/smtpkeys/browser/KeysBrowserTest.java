package dev.smtpkeys.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.smtpkeys.keys.KeySecret;
import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.support.Browser;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The flows a person clicks through, in a real browser with JavaScript, dialogs and the strict CSP. */
@QuarkusTest
class KeysBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestAccounts accounts;

    @Inject
    KeyService keys;

    ChromeDriver browser;
    WebDriverWait wait;
    TestAccounts.Created owner;

    @BeforeEach
    void open() {
        browser = Browser.start("en");
        wait = new WebDriverWait(browser, Duration.ofSeconds(5));
        owner = accounts.create();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void generateDeactivateAndDeleteThroughTheDialogs() {
        signIn();
        assertTrue(browser.getCurrentUrl().endsWith("/settings/keys/smtp"));

        browser.findElement(By.cssSelector("[data-open-dialog=generate-dialog]")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generate-dialog")));
        Browser.screenshot(browser, "generate-dialog");
        dialog.findElement(By.id("key-name")).sendKeys("Web shop");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement created = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created-dialog")));
        String secret = created.findElement(By.id("new-key")).getAttribute("value");
        assertTrue(KeySecret.isWellFormed(secret));
        assertTrue(created.findElement(By.cssSelector("[data-copy=new-key]")).isDisplayed(), "copy button shown with JS");
        Browser.screenshot(browser, "created-dialog");
        created.findElement(By.linkText("OK")).click();

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("created-dialog")));
        assertFalse(browser.getPageSource().contains(secret), "the key is gone from the page");
        WebElement row = rowOf("Web shop");
        assertTrue(row.getText().contains("••••••••" + KeySecret.suffix(secret)));

        row.findElement(By.linkText("Deactivate")).click();
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-deactivate")));
        assertTrue(confirm.getText().contains("Web shop"), "the dialog names the key");
        Browser.screenshot(browser, "confirm-deactivate");
        confirm.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "deactivated"));
        assertTrue(rowOf("Web shop").getText().contains("Inactive"));
        assertFalse(keys.verify(owner.smtpLogin(), secret).isPresent());

        rowOf("Web shop").findElement(By.linkText("Delete")).click();
        WebElement delete = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-delete")));
        assertTrue(delete.getText().contains("cannot be undone"));
        delete.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "deleted"));
        assertEquals(1, browser.findElements(By.cssSelector("table.keys tbody tr")).size());
        Browser.screenshot(browser, "after-delete");
        assertNoConsoleErrors();
    }

    @Test
    void cancellingAConfirmationChangesNothing() {
        signIn();
        WebElement master = browser.findElement(By.cssSelector("tr.master"));
        master.findElement(By.linkText("Deactivate")).click();
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-deactivate")));
        confirm.findElement(By.cssSelector("button[data-close-dialog]")).click();
        wait.until(ExpectedConditions.invisibilityOf(confirm));
        assertTrue(browser.findElement(By.cssSelector("tr.master")).getText().contains("Active"));
    }

    @Test
    void theMasterPasswordIsShownWithTheEyeIconAndAnInvalidNameKeepsTheDialogOpen() {
        signIn();
        browser.findElement(By.cssSelector("form[action$='/master/reveal'] button")).click();
        WebElement revealed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("revealed-dialog")));
        assertTrue(keys.verify(owner.smtpLogin(), revealed.findElement(By.id("master-key")).getAttribute("value")).isPresent());
        revealed.findElement(By.linkText("OK")).click();

        browser.findElement(By.cssSelector("[data-open-dialog=generate-dialog]")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generate-dialog")));
        String tooLong = "n".repeat(64);
        dialog.findElement(By.id("key-name")).sendKeys(tooLong);
        // a name that exists already, typed in another case: refused beside the field, input kept
        dialog.findElement(By.id("key-name")).clear();
        dialog.findElement(By.id("key-name")).sendKeys("MASTER PASSWORD");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement again = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generate-dialog")));
        assertTrue(again.getText().contains("already exists"));
        assertEquals("MASTER PASSWORD", again.findElement(By.id("key-name")).getAttribute("value"));
        Browser.screenshot(browser, "name-error");
    }

    @Test
    void theAccountMenuSwitchesToGermanAndLogsOut() {
        signIn();
        browser.findElement(By.cssSelector("details.menu summary")).click();
        browser.findElement(By.cssSelector("details.menu button[value=de]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "SMTP-Server"));
        Browser.screenshot(browser, "german");
        browser.findElement(By.cssSelector("details.menu summary")).click();
        browser.findElement(By.cssSelector(".menu-logout button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.get(base + "settings/keys/smtp");
        assertTrue(browser.getCurrentUrl().contains("/login"));
    }

    @Test
    void thePageFitsA360PixelWideScreen() {
        signIn();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        browser.navigate().refresh();
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Browser.screenshot(browser, "narrow");
        assertEquals(0L, ((Number) overflow).longValue(), "no sideways scrolling at 360 px");
    }

    private void signIn() {
        browser.get(base + "login");
        browser.findElement(By.id("email")).sendKeys(owner.email());
        browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/settings/keys/smtp"));
    }

    private WebElement rowOf(String name) {
        return browser.findElements(By.cssSelector("table.keys tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name));
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(errors.isEmpty(), "browser console errors (CSP?): " + errors);
    }
}
