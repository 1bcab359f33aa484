package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Every page, in English and in German: it renders, says which language it is in, differs between
 * the two, and shows no message key and no unrendered template expression.
 */
@QuarkusTest
class EveryPageTranslatedTest {

    private static final Pattern MESSAGE_KEY = Pattern.compile("\\b(app|layout|account|keys|activity|admin|error|relay)_[a-z0-9_]+\\b");

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    /** A page: how to get it from a session, and the status it answers with. */
    record Page(String name, int status, Function<WebSession, Response> fetch) {
    }

    @Test
    void everyPageRendersInBothLanguagesWithoutUntranslatedKeys() {
        TestAccounts.Created owner = accounts.create();
        long key = data.generateKey(owner, "Shop");
        long inactive = data.generateKey(owner, "Old shop");
        data.deactivate(owner, inactive);
        String supportEmail = accounts.createSupport();
        String account = "/admin/accounts/" + owner.accountId();

        List<Page> anonymous = List.of(
                new Page("login", 200, s -> s.get("/login")),
                new Page("login error", 401, s -> s.get("/login?error=true")),
                new Page("signup", 200, s -> s.get("/signup")),
                new Page("signup errors", 400, s -> s.post("/signup", form("company", "", "j_username", "x",
                        "j_password", "short", "repeat", "other"))));
        List<Page> user = List.of(
                new Page("keys", 200, s -> s.get("/settings/keys/smtp")),
                new Page("generate", 200, s -> s.get("/settings/keys/smtp/new")),
                new Page("confirm deactivate", 200, s -> s.get("/settings/keys/smtp/" + key + "/deactivate")),
                new Page("confirm activate", 200, s -> s.get("/settings/keys/smtp/" + inactive + "/activate")),
                new Page("confirm delete", 200, s -> s.get("/settings/keys/smtp/" + key + "/delete")),
                new Page("activity", 200, s -> s.get("/settings/activity")),
                new Page("sent mail", 200, s -> s.get("/settings/messages")),
                new Page("sent mail of a key", 200, s -> s.get("/settings/messages?key=" + key)),
                new Page("password", 200, s -> s.get("/account/password")),
                new Page("password errors", 400, s -> s.post("/account/password", "current", "wrong", "password", "x",
                        "repeat", "y")),
                new Page("403", 403, s -> s.get("/admin")),
                new Page("404", 404, s -> s.get("/settings/keys/smtp/999999999/delete")));
        List<Page> support = List.of(
                new Page("search", 200, s -> s.get("/admin?q=" + owner.smtpLogin())),
                new Page("no hits", 200, s -> s.get("/admin?q=nothing-matches-this")),
                new Page("account", 200, s -> s.get(account)),
                new Page("admin confirm", 200, s -> s.get(account + "/keys/" + key + "/delete")),
                new Page("admin reason error", 400, s -> s.post(account + "/keys/" + key + "/deactivate", "reason", "no")),
                new Page("deactivate all", 200, s -> s.get(account + "/keys/deactivate-all")),
                new Page("new account", 200, s -> s.get("/admin/accounts/new")),
                new Page("new account errors", 400, s -> s.post("/admin/accounts", "company", "", "email", "x")),
                new Page("403 settings", 403, s -> s.get("/settings/keys/smtp")),
                new Page("404 account", 404, s -> s.get("/admin/accounts/999999999")));

        List<String> problems = new ArrayList<>();
        check(anonymous, lang -> WebSession.anonymous().language(lang), problems);
        check(user, lang -> WebSession.signIn(owner.email(), TestAccounts.PASSWORD).language(lang), problems);
        check(support, lang -> WebSession.signIn(supportEmail, TestAccounts.PASSWORD).language(lang), problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theCreatedAccountAndTheForcedPasswordPageAreTranslatedToo() {
        String supportEmail = accounts.createSupport();
        for (String lang : List.of("en", "de")) {
            WebSession support = WebSession.signIn(supportEmail, TestAccounts.PASSWORD).language(lang);
            String email = "translated-" + lang + "-" + System.nanoTime() + "@example.org";
            Response created = support.post("/admin/accounts", "company", "Sprachen GmbH", "email", email);
            String html = created.then().statusCode(200).extract().asString();
            assertClean("created " + lang, html, lang);
            String initial = Jsoup.parse(html).getElementById("initial-password").val();

            WebSession user = WebSession.signIn(email, initial).language(lang);
            String forced = user.get("/account/password").then().statusCode(200).extract().asString();
            assertClean("forced " + lang, forced, lang);
            assertTrue(forced.contains(lang.equals("de") ? "von unserem Support vergeben" : "set by our support"));
        }
    }

    private static void check(List<Page> pages, Function<String, WebSession> sessionIn, List<String> problems) {
        WebSession en = sessionIn.apply("en");
        WebSession de = sessionIn.apply("de");
        for (Page page : pages) {
            Response english = page.fetch().apply(en);
            Response german = page.fetch().apply(de);
            try {
                assertEquals(page.status(), english.statusCode(), page.name() + " (en) status");
                assertEquals(page.status(), german.statusCode(), page.name() + " (de) status");
                assertClean(page.name() + " (en)", english.asString(), "en");
                assertClean(page.name() + " (de)", german.asString(), "de");
                assertNotEquals(Jsoup.parse(english.asString()).select("main").text(),
                        Jsoup.parse(german.asString()).select("main").text(), page.name() + ": German differs");
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        }
    }

    private static void assertClean(String name, String html, String lang) {
        assertTrue(html.contains("<html lang=\"" + lang + "\""), name + ": lang attribute");
        assertFalse(html.contains("{"), name + ": an unrendered expression at " + around(html, html.indexOf('{')));
        Matcher key = MESSAGE_KEY.matcher(html);
        assertFalse(key.find(), name + ": untranslated key " + (key.hitEnd() ? "" : key.group()));
    }

    private static String around(String html, int at) {
        return at < 0 ? "" : html.substring(Math.max(0, at - 60), Math.min(html.length(), at + 60));
    }

    private static Map<String, String> form(String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        return form;
    }
}
