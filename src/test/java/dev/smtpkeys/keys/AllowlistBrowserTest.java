package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.smtpkeys.support.Browser;
import dev.smtpkeys.support.BrowserTest;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The IP allowlist dialog in a real browser: opened from the key's row, filled from it, its error shown. */
@QuarkusTest
class AllowlistBrowserTest extends BrowserTest {

    @BeforeAll
    static void ignoreStaleElements() {
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    void allowlistIsEditedInTheKeysDialog() {
        TestAccounts.Created owner = accounts.create();
        long keyId = data.generateKey(owner, "Web shop");
        Browser.signIn(browser, base.toString(), owner.email());

        WebElement dialog = openDialog(keyId);
        assertTrue(dialog.getText().contains("Web shop"), "the dialog names the key");
        WebElement field = dialog.findElement(By.id("key-networks"));
        assertEquals("", field.getDomProperty("value"));
        field.sendKeys("203.0.113.7\n10.0.0.0/8");
        Browser.screenshot(browser, "allowlist-dialog");
        submitAndAwaitTheNextPage(dialog);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "allowed IP addresses"));
        assertTrue(row(keyId).getText().contains("Only from: 203.0.113.7, 10.0.0.0/8"));
        assertEquals(List.of("203.0.113.7", "10.0.0.0/8"),
                QuarkusTransaction.requiringNew().call(() -> AllowedNetwork.ofKey(keyId)));

        // the dialog opens with the saved list; a wrong entry comes back beside the field, as typed
        dialog = openDialog(keyId);
        field = dialog.findElement(By.id("key-networks"));
        assertEquals("203.0.113.7\n10.0.0.0/8", field.getDomProperty("value"));
        field.sendKeys("\nmail.example.com");
        submitAndAwaitTheNextPage(dialog);
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-networks-error")));
        assertTrue(error.getText().contains("\"mail.example.com\" is not an IPv4"), error.getText());
        assertEquals("203.0.113.7\n10.0.0.0/8\nmail.example.com",
                browser.findElement(By.id("key-networks")).getDomProperty("value"));
        Browser.screenshot(browser, "allowlist-error");
        assertNoConsoleErrors();
    }

    private WebElement openDialog(long keyId) {
        row(keyId).findElement(By.linkText("IP addresses")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-networks")));
    }

    private WebElement row(long keyId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-" + keyId)));
    }

    private void submitAndAwaitTheNextPage(WebElement container) {
        container.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(container));
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                // the wrong form's answer is a 400 on purpose, which Chromium reports as a failed load
                .filter(e -> !e.getMessage().contains("status of 400")).toList();
        assertTrue(errors.isEmpty(), "browser console errors (CSP?): " + errors);
    }
}
