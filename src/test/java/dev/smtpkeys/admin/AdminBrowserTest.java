package dev.smtpkeys.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.keys.KeyStatus;
import dev.smtpkeys.support.Browser;
import dev.smtpkeys.support.BrowserTest;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;

/** Support staff find an account and deactivate a compromised key, in a real browser. */
@QuarkusTest
class AdminBrowserTest extends BrowserTest {

    @Test
    void supportFindsAnAccountAndDeactivatesAKeyWithAReason() {
        TestAccounts.Created customer = accounts.create();
        long keyId = data.generateKey(customer, "Leaked shop key");
        String support = accounts.createSupport();

        Browser.signIn(browser, base.toString(), support);
        WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=q]")));

        search.sendKeys(customer.smtpLogin().substring(0, 7));
        search.submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href='/admin/accounts/" + customer.accountId() + "']"))).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-" + keyId)));
        assertFalse(browser.getPageSource().contains("smtpk_"), "no secret on the admin page");
        assertTrue(browser.findElements(By.cssSelector("form[action$='/master/reveal']")).isEmpty());

        row.findElement(By.linkText("Deactivate")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-deactivate")));
        assertTrue(dialog.getText().contains("Leaked shop key"));
        dialog.findElement(By.tagName("textarea")).sendKeys("Key was posted in a public repository");
        Browser.screenshot(browser, "admin-confirm");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(dialog));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "deactivated"));
        Browser.screenshot(browser, "admin-account");

        assertEquals(KeyStatus.INACTIVE, data.status(keyId));
        assertEquals("Key was posted in a public repository",
                data.events(customer.accountId(), AuditAction.KEY_DEACTIVATED).get(0).reason);
    }
}
