package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.Invitations;
import dev.smtpkeys.account.User;
import dev.smtpkeys.support.Axe;
import dev.smtpkeys.support.Browser;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * axe-core over every page and every dialog open, signed out, as an account user and as support, in
 * English and German: no serious or critical violation anywhere. One Chromium per language.
 */
@QuarkusTest
class AccessibilityBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    Invitations invitations;

    @Inject
    MockMailbox mailbox;

    ChromeDriver browser;
    WebDriverWait wait;
    String language;
    final List<String> problems = new ArrayList<>();

    @AfterEach
    void quit() {
        Browser.quit(browser);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "de" })
    void noSeriousViolationOnAnyPageOrDialog(String lang) {
        language = lang;
        browser = Browser.start(lang);
        wait = Browser.waitFor(browser);
        wait.ignoring(StaleElementReferenceException.class);
        TestAccounts.Created owner = accounts.create();
        long shop = data.generateKey(owner, "Shop");
        long old = data.generateKey(owner, "Old shop");
        data.deactivate(owner, old);

        Browser.reset(browser, base.toString());
        // first, that axe runs here at all: an image without a text is a critical violation it must report
        browser.executeScript("var i = document.createElement('img'); i.src = '/static/favicon.svg';"
                + " document.querySelector('main').appendChild(i);");
        List<String> planted = Axe.seriousViolations(browser);
        assertTrue(planted.stream().anyMatch(v -> v.startsWith("image-alt")), "axe reports a planted violation: " + planted);
        open("login", null);
        check("sign-in");
        open("login?error=true", "sign-in failed");
        open("signup", "sign-up");
        String invited = "axe-" + UUID.randomUUID() + "@example.org";
        invitations.createForCustomer(Actor.system(), "Axe Ltd", invited, lang, base.toString());
        Matcher welcome = Pattern.compile("/(account/welcome/[A-Za-z0-9_-]{43})")
                .matcher(mailbox.getMailsSentTo(invited).get(0).getText());
        assertTrue(welcome.find());
        open(welcome.group(1), "choose password (invitation)");
        open("account/welcome/" + "A".repeat(43), "invitation link no longer valid");

        signIn(owner.email());
        String tab = "settings/keys/smtp";
        check("SMTP tab");
        browser.findElement(By.cssSelector("details.menu summary")).click();
        check("account menu open");
        browser.findElement(By.cssSelector("details.menu summary")).click();
        dialog(By.cssSelector("[data-open-dialog=generate-dialog]"), "generate-dialog", "generate dialog");
        dialog(By.cssSelector("#key-" + shop + " a[data-confirm=deactivate]"), "confirm-deactivate", "deactivate dialog");
        dialog(By.cssSelector("#key-" + shop + " a[data-confirm=delete]"), "confirm-delete", "delete dialog");
        dialog(By.cssSelector("#key-" + old + " a[data-confirm=activate]"), "confirm-activate", "activate dialog");
        browser.findElement(By.cssSelector("[data-open-dialog=generate-dialog]")).click();
        browser.findElement(By.id("key-name")).sendKeys("Shop");
        submitIn(By.id("generate-dialog"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#generate-dialog .error")));
        check("generate dialog with an error");
        browser.findElement(By.id("key-name")).clear();
        browser.findElement(By.id("key-name")).sendKeys("CRM");
        submitIn(By.id("generate-dialog"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created-dialog")));
        check("new key dialog");
        open(tab, null);
        submitIn(By.cssSelector("form[action$='/master/reveal']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("revealed-dialog")));
        check("master password dialog");
        open(tab + "/new", "generate page");
        for (String action : List.of("deactivate", "delete")) {
            open(tab + "/" + shop + "/" + action, action + " page");
        }
        open(tab + "/" + old + "/activate", "activate page");
        open("settings/activity", "activity");
        open("settings/messages", "sent mail");
        open("settings/messages?key=" + shop, "sent mail of a key");
        open("account/password", "password");
        open(tab + "/999999999/delete", "not found");

        Browser.reset(browser, base.toString());
        signIn(accounts.createSupport());
        String account = "admin/accounts/" + owner.accountId();
        check("support start");
        open("admin?q=" + owner.smtpLogin(), "account search");
        open(account, "account page");
        dialog(By.cssSelector("#key-" + shop + " a[data-confirm=deactivate]"), "confirm-deactivate", "support deactivate dialog");
        dialog(By.cssSelector("#key-" + shop + " a[data-confirm=delete]"), "confirm-delete", "support delete dialog");
        open(account + "/keys/" + shop + "/delete", "support delete page");
        open(account + "/keys/deactivate-all", "deactivate all");
        open("admin/accounts/new", "new account");
        browser.findElement(By.id("new-company")).sendKeys("Axe Invited Ltd");
        browser.findElement(By.id("new-email")).sendKeys("axe-created-" + UUID.randomUUID() + "@example.org");
        submitIn(By.cssSelector("form[action='/admin/accounts']"));
        check("account created, invitation sent");
        open("admin/accounts/" + QuarkusTransaction.requiringNew().call(
                () -> User.findByEmail(invited).orElseThrow().account.id), "account page with an invited user");

        assertTrue(problems.isEmpty(), "axe-core, serious or critical:\n" + String.join("\n", problems));
    }

    private void signIn(String email) {
        browser.get(base + "login");
        WebElement form = browser.findElement(By.id("login-form"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    /** Goes to {@code path} and checks it under {@code name} (none: only go there). */
    private void open(String path, String name) {
        browser.get(base + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        if (name != null) {
            check(name);
        }
    }

    /** Opens a dialog with {@code opener}, checks the page with it open, closes it with Escape. */
    private void dialog(By opener, String id, String name) {
        browser.findElement(opener).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        check(name);
        browser.executeScript("arguments[0].close();", dialog);
        wait.until(ExpectedConditions.invisibilityOf(dialog));
    }

    private void submitIn(By container) {
        WebElement form = browser.findElement(container);
        WebElement main = browser.findElement(By.tagName("main"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(main));
    }

    private void check(String name) {
        for (String violation : Axe.seriousViolations(browser)) {
            problems.add(language + " · " + name + " (" + browser.getCurrentUrl() + "): " + violation);
        }
    }
}
