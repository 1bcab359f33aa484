package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.smtpkeys.support.Browser;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The flows a person clicks through on the SMTP tab, the account menu of its header included, in a
 * real browser with JavaScript, dialogs and the strict CSP. One Chromium for the class: it takes
 * seconds to start.
 */
@QuarkusTest
class KeysBrowserTest {

    static ChromeDriver browser;
    static WebDriverWait wait;

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestAccounts accounts;

    @Inject
    KeyService keys;

    @Inject
    TestData data;

    TestAccounts.Created owner;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start("en");
        wait = Browser.waitFor(browser);
        wait.ignoring(StaleElementReferenceException.class);
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
    void generateDeactivateAndDeleteThroughTheDialogs() {
        assertTrue(browser.getCurrentUrl().endsWith("/settings/keys/smtp"));

        WebElement dialog = openGenerateDialog();
        Browser.screenshot(browser, "generate-dialog");
        dialog.findElement(By.id("key-name")).sendKeys("Web shop");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement created = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created-dialog")));
        String secret = created.findElement(By.id("new-key")).getDomProperty("value");
        assertTrue(KeySecret.isWellFormed(secret));
        assertTrue(created.findElement(By.cssSelector("[data-copy=new-key]")).isDisplayed(), "copy button shown with JS");
        Browser.screenshot(browser, "created-dialog");
        // OK is a link to the plain page: wait until that page has replaced this one
        created.findElement(By.linkText("OK")).click();
        wait.until(ExpectedConditions.stalenessOf(created));

        WebElement row = rowOf("Web shop");
        assertFalse(browser.getPageSource().contains(secret), "the key is gone from the page");
        assertTrue(row.getText().contains("••••••••" + KeySecret.suffix(secret)));

        row.findElement(By.linkText("Deactivate")).click();
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-deactivate")));
        assertTrue(confirm.getText().contains("Web shop"), "the dialog names the key");
        Browser.screenshot(browser, "confirm-deactivate");
        submitAndAwaitTheNextPage(confirm);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "deactivated"));
        assertTrue(rowOf("Web shop").getText().contains("Inactive"));
        assertFalse(keys.verify(owner.smtpLogin(), secret).isPresent());

        rowOf("Web shop").findElement(By.linkText("Delete")).click();
        WebElement delete = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-delete")));
        assertTrue(delete.getText().contains("cannot be undone"));
        submitAndAwaitTheNextPage(delete);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "deleted"));
        assertEquals(1, browser.findElements(By.cssSelector("table.keys tbody tr")).size());
        Browser.screenshot(browser, "after-delete");
        assertNoConsoleErrors();
    }

    @Test
    void rotateThroughTheDialogShowsTheNewKeyOnceAndThePair() {
        data.generateKey(owner, "Shop");
        long oldId = data.keyId(owner.accountId(), "Shop");
        browser.navigate().refresh();
        rowOf("Shop").findElement(By.linkText("Rotate")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-rotate")));
        assertTrue(dialog.getText().contains("Shop"), "the dialog names the key");
        dialog.findElement(By.cssSelector("input[name=grace][value=first-use]")).click();
        Browser.screenshot(browser, "rotate-dialog");
        submitAndAwaitTheNextPage(dialog);

        WebElement created = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created-dialog")));
        assertTrue(created.getText().contains("was rotated"), created.getText());
        String secret = created.findElement(By.id("new-key")).getDomProperty("value");
        assertTrue(keys.verify(owner.smtpLogin(), secret).isPresent());
        created.findElement(By.linkText("OK")).click();
        wait.until(ExpectedConditions.stalenessOf(created));

        WebElement old = browser.findElement(By.id("key-" + oldId));
        assertTrue(old.getText().contains("stops when the new key is first used"), old.getText());
        List<WebElement> rows = browser.findElements(By.cssSelector("table.keys tbody tr"));
        assertEquals(3, rows.size());
        assertEquals("key-" + oldId, rows.get(1).getDomAttribute("id"), "the pair stands together");
        assertTrue(rows.get(2).getText().contains("Replaces the key ending in"), rows.get(2).getText());
        assertTrue(old.findElements(By.linkText("Rotate")).isEmpty(), "a key is rotated once");
        Browser.screenshot(browser, "rotated-pair");
        assertNoConsoleErrors();
    }

    @Test
    void cancellingAConfirmationChangesNothing() {
        WebElement master = browser.findElement(By.cssSelector("tr.master"));
        master.findElement(By.linkText("Deactivate")).click();
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-deactivate")));
        confirm.findElement(By.cssSelector("button[data-close-dialog]")).click();
        wait.until(ExpectedConditions.invisibilityOf(confirm));
        browser.navigate().refresh();
        assertTrue(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.master"))).getText()
                .contains("Active"));
        assertEquals(KeyStatus.ACTIVE, data.status(data.masterId(owner.accountId())));
    }

    @Test
    void theMasterPasswordIsShownWithTheEyeIcon() {
        String master = revealMaster();
        assertTrue(keys.verify(owner.smtpLogin(), master).isPresent());
    }

    @Test
    void aRefusedNameKeepsTheDialogOpenAndTheLongestNameTheFieldTakesIsAccepted() {
        WebElement dialog = openGenerateDialog();
        // a name that exists already, typed in another case: refused beside the field, input kept
        dialog.findElement(By.id("key-name")).sendKeys("MASTER PASSWORD");
        submitAndAwaitTheNextPage(dialog);
        WebElement again = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generate-dialog")));
        assertTrue(again.getText().contains("already exists"));
        assertEquals("MASTER PASSWORD", again.findElement(By.id("key-name")).getDomProperty("value"));
        Browser.screenshot(browser, "name-error");

        // a name longer than the limit is not cut by the field without a word: the server says why
        WebElement name = again.findElement(By.id("key-name"));
        name.clear();
        name.sendKeys("n".repeat(70));
        assertEquals("n".repeat(70), name.getDomProperty("value"), "the field keeps all that was typed");
        submitAndAwaitTheNextPage(again);
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generate-dialog")));
        assertTrue(refused.getText().contains("at most 64 characters"), refused.getText());
        assertEquals("n".repeat(70), refused.findElement(By.id("key-name")).getDomProperty("value"));

        WebElement fits = refused.findElement(By.id("key-name"));
        fits.clear();
        fits.sendKeys("n".repeat(64));
        submitAndAwaitTheNextPage(refused);
        WebElement created = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created-dialog")));
        assertTrue(created.getText().contains("n".repeat(64)), "the dialog names the new key");
        assertTrue(keys.verify(owner.smtpLogin(), created.findElement(By.id("new-key")).getDomProperty("value")).isPresent());
    }

    @Test
    void theDeleteDialogFocusesCancelAndTheKeyboardAloneWorksIt() {
        data.generateKey(owner, "Shop");
        browser.navigate().refresh();
        WebElement delete = rowOf("Shop").findElement(By.linkText("Delete"));
        delete.sendKeys(Keys.ENTER);
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-delete")));
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("Cancel", focused.getText(), "one Enter must not delete for good");
        focused.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.invisibilityOf(dialog));
        assertEquals(2, browser.findElements(By.cssSelector("table.keys tbody tr")).size());

        rowOf("Shop").findElement(By.linkText("Delete")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOf(dialog));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement confirm = browser.switchTo().activeElement();
        assertEquals("Delete for good", confirm.getText());
        confirm.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "deleted"));
        assertEquals(1, browser.findElements(By.cssSelector("table.keys tbody tr")).size());
    }

    @Test
    void theAccountMenuOpensByKeyboardAndClosesOnEscapeAndOutside() {
        WebElement menu = browser.findElement(By.cssSelector("details.menu"));
        WebElement summary = menu.findElement(By.tagName("summary"));
        String name = browser.findElement(By.cssSelector(".menu-name")).getText();
        assertTrue(summary.getAccessibleName().startsWith(name), "the accessible name holds the visible text: "
                + summary.getAccessibleName());
        browser.findElement(By.cssSelector("a.skip")).sendKeys(Keys.TAB);
        summary.sendKeys(Keys.ENTER);
        wait.until(d -> menu.getDomProperty("open").equals("true"));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("SMTP & API", browser.switchTo().activeElement().getText(), "Tab walks into the open menu");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> menu.getDomProperty("open").equals("false"));
        assertEquals(summary, browser.switchTo().activeElement(), "Escape gives the focus back to the menu button");

        summary.click();
        wait.until(d -> menu.getDomProperty("open").equals("true"));
        browser.findElement(By.tagName("h1")).click();
        wait.until(d -> menu.getDomProperty("open").equals("false"));
    }

    @Test
    void theAccountMenuSwitchesToGermanAndLogsOut() {
        browser.findElement(By.cssSelector("details.menu summary")).click();
        browser.findElement(By.cssSelector("details.menu button[value=de]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("server-title"), "SMTP-Server"));
        Browser.screenshot(browser, "german");

        WebElement german = browser.findElement(By.tagName("main"));
        browser.findElement(By.cssSelector("details.menu summary")).click();
        browser.findElement(By.cssSelector(".menu-logout button")).click();
        wait.until(ExpectedConditions.stalenessOf(german));
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.get(base + "settings/keys/smtp");
        assertTrue(browser.getCurrentUrl().contains("/login"), browser.getCurrentUrl());
    }

    @Test
    void thePageFitsA360PixelWideScreen() {
        browser.manage().window().setSize(new Dimension(360, 800));
        WebElement before = browser.findElement(By.tagName("main"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.keys")));
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        Browser.screenshot(browser, "narrow");
        assertEquals(0L, ((Number) overflow).longValue(), "no sideways scrolling at 360 px");
        WebElement login = browser.findElement(By.id("smtp-login"));
        assertEquals(owner.smtpLogin(), login.getText());
        Object cut = browser.executeScript("var e = arguments[0]; return e.scrollWidth - e.clientWidth;", login);
        assertEquals(0L, ((Number) cut).longValue(), "the SMTP login is shown whole");
        WebElement created = browser.findElement(By.cssSelector("tr.master td[data-label]:nth-of-type(3)"));
        Object label = browser.executeScript(
                "return getComputedStyle(arguments[0], '::before').content;", created);
        assertEquals("\"Created\"", label, "each card keeps its column names");
    }

    private WebElement openGenerateDialog() {
        browser.findElement(By.cssSelector("[data-open-dialog=generate-dialog]")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("generate-dialog")));
    }

    private String revealMaster() {
        browser.findElement(By.cssSelector("form[action$='/master/reveal'] button")).click();
        WebElement revealed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("revealed-dialog")));
        String master = revealed.findElement(By.id("master-key")).getDomProperty("value");
        revealed.findElement(By.linkText("OK")).click();
        wait.until(ExpectedConditions.stalenessOf(revealed));
        return master;
    }

    /** Submits the form in {@code container}; returns once the answer has replaced the page. */
    private void submitAndAwaitTheNextPage(WebElement container) {
        container.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(container));
    }

    private WebElement rowOf(String name) {
        return wait.until(d -> d.findElements(By.cssSelector("table.keys tbody tr"))
                .stream().filter(r -> r.findElement(By.tagName("th")).getText().equals(name)).findFirst().orElse(null));
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(errors.isEmpty(), "browser console errors (CSP?): " + errors);
    }
}
