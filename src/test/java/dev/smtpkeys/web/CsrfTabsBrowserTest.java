package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.smtpkeys.keys.KeyStatus;
import dev.smtpkeys.support.Browser;
import dev.smtpkeys.support.BrowserTest;
import dev.smtpkeys.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;

/** A form opened in one tab still posts after other pages were opened in a second tab. */
@QuarkusTest
class CsrfTabsBrowserTest extends BrowserTest {

    @Test
    void theFirstTabsFormPostsAfterASecondTabOpenedPages() {
        TestAccounts.Created owner = accounts.create();
        long key = data.generateKey(owner, "Shop");
        Browser.signIn(browser, base.toString(), owner.email());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.keys")));

        browser.get(base + "settings/keys/smtp/" + key + "/deactivate");
        String firstTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        for (String page : new String[] { "settings/activity", "settings/keys/smtp", "account/password" }) {
            browser.get(base + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1, main h2")));
        }
        browser.close();
        browser.switchTo().window(firstTab);

        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "deactivated"));
        assertEquals(KeyStatus.INACTIVE, data.status(key));
        assertTrue(browser.getCurrentUrl().endsWith("/settings/keys/smtp"), browser.getCurrentUrl());
    }
}
