package dev.smtpkeys.account;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/** The account menu in the page header, in a real browser: the language switch and logging out. */
@QuarkusTest
class AccountMenuBrowserTest {

    static ChromeDriver browser;
    static WebDriverWait wait;

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestAccounts accounts;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start("en");
        wait = Browser.waitFor(browser);
    }

    @AfterAll
    static void quitBrowser() {
        Browser.quit(browser);
    }

    @Test
    void theAccountMenuSwitchesToGermanAndLogsOut() {
        TestAccounts.Created owner = accounts.create();
        Browser.reset(browser, base.toString());
        browser.findElement(By.id("email")).sendKeys(owner.email());
        browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("details.menu summary"))).click();
        browser.findElement(By.cssSelector("details.menu button[value=de]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "SMTP-Server"));
        Browser.screenshot(browser, "german");

        WebElement german = browser.findElement(By.tagName("main"));
        browser.findElement(By.cssSelector("details.menu summary")).click();
        browser.findElement(By.cssSelector(".menu-logout button")).click();
        wait.until(ExpectedConditions.stalenessOf(german));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.get(base + "settings/keys/smtp");
        assertTrue(browser.getCurrentUrl().contains("/login"), browser.getCurrentUrl());
    }
}
