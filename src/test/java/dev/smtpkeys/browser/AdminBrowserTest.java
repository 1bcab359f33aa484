package dev.smtpkeys.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.keys.KeyStatus;
import dev.smtpkeys.support.Browser;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Support staff find an account and deactivate a compromised key, in a real browser. */
@QuarkusTest
class AdminBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.start("en");
        wait = new WebDriverWait(browser, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void supportFindsAnAccountAndDeactivatesAKeyWithAReason() {
        TestAccounts.Created customer = accounts.create();
        long keyId = data.generateKey(customer, "Leaked shop key");
        String support = accounts.createSupport();

        browser.get(base + "login");
        browser.findElement(By.id("email")).sendKeys(support);
        browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/admin"));

        WebElement search = browser.findElement(By.cssSelector("input[type=search], input[name=q]"));
        search.sendKeys(customer.smtpLogin().substring(0, 7));
        search.submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href='/admin/accounts/" + customer.accountId() + "']"))).click();
        wait.until(ExpectedConditions.urlContains("/admin/accounts/" + customer.accountId()));
        assertFalse(browser.getPageSource().contains("smtpk_"), "no secret on the admin page");
        assertTrue(browser.findElements(By.cssSelector("form[action$='/master/reveal']")).isEmpty());

        WebElement row = browser.findElement(By.id("key-" + keyId));
        row.findElement(By.linkText("Deactivate")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-deactivate")));
        assertTrue(dialog.getText().contains("Leaked shop key"));
        dialog.findElement(By.tagName("textarea")).sendKeys("Key was posted in a public repository");
        Browser.screenshot(browser, "admin-confirm");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "deactivated"));
        Browser.screenshot(browser, "admin-account");

        assertEquals(KeyStatus.INACTIVE, data.status(keyId));
        assertEquals("Key was posted in a public repository",
                data.events(customer.accountId(), AuditAction.KEY_DEACTIVATED).get(0).reason);
    }
}
