package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Every page, in English and in German: it renders, says which language it is in, differs between
 * the two, and shows no message key, no unrendered template expression, and no text of any bundle in
 * the other language (which a bundle whose German file is not picked up would show).
 */
@QuarkusTest
class EveryPageTranslatedTest {

    private static final Pattern KEY_LIKE = Pattern.compile("\\b[a-z][a-z0-9]*(_[a-z0-9]+)+\\b");

    /** Every bundle's method names that could pass for a key ({@code index_title}, not {@code cancel}). */
    private static final Set<String> KEYS = Bundles.ALL.stream().flatMap(b -> Bundles.methods(b).stream())
            .map(Method::getName).filter(name -> name.contains("_")).collect(Collectors.toSet());

    private static final Map<String, List<String>> FOREIGN;

    static {
        try {
            FOREIGN = foreignTexts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

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
                new Page("generated", 200, s -> s.post("/settings/keys/smtp", "name", "Webshop " + UUID.randomUUID())),
                new Page("revealed", 200, s -> s.post("/settings/keys/smtp/master/reveal")),
                new Page("confirm deactivate", 200, s -> s.get("/settings/keys/smtp/" + key + "/deactivate")),
                new Page("confirm activate", 200, s -> s.get("/settings/keys/smtp/" + inactive + "/activate")),
                new Page("confirm delete", 200, s -> s.get("/settings/keys/smtp/" + key + "/delete")),
                new Page("allowlist", 200, s -> s.get("/settings/keys/smtp/" + key + "/networks")),
                new Page("allowlist errors", 400, s -> s.post("/settings/keys/smtp/" + key + "/networks", "networks", "nonsense")),
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
                new Page("sending limits", 200, s -> s.get(account + "/sending-limits")),
                new Page("sending limits errors", 400, s -> s.post(account + "/sending-limits", "perMinute", "x",
                        "perDay", "0", "reason", "no", "action", "save")),
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
    void theCreatedAccountAndTheInvitationPagesAreTranslatedToo() {
        String supportEmail = accounts.createSupport();
        for (String lang : List.of("en", "de")) {
            WebSession support = WebSession.signIn(supportEmail, TestAccounts.PASSWORD).language(lang);
            String email = "translated-" + lang + "-" + System.nanoTime() + "@example.org";
            Response created = support.post("/admin/accounts", "company", "Sprachen GmbH", "email", email,
                    "language", lang);
            String html = created.then().statusCode(200).extract().asString();
            assertClean("created " + lang, html, lang);
            Matcher link = Pattern.compile("/account/welcome/[A-Za-z0-9_-]{43}")
                    .matcher(mailbox.getMailsSentTo(email).get(0).getText());
            assertTrue(link.find());

            WebSession user = WebSession.anonymous().language(lang);
            assertClean("welcome " + lang, user.get(link.group()).then().statusCode(200).extract().asString(), lang);
            String refused = user.post("/account/welcome", "token", link.group().substring("/account/welcome/".length()), "j_username", email,
                    "j_password", "short", "repeat", "short").then().statusCode(400).extract().asString();
            assertClean("welcome errors " + lang, refused, lang);
            assertClean("welcome invalid " + lang, user.get("/account/welcome/" + "A".repeat(43))
                    .then().statusCode(410).extract().asString(), lang);
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
        String shown = shownText(html);
        Matcher key = KEY_LIKE.matcher(shown);
        while (key.find()) {
            assertFalse(KEYS.contains(key.group()), name + ": a message key instead of its text: " + key.group());
        }
        for (String foreign : FOREIGN.get(lang)) {
            Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(foreign) + "(?![\\p{L}\\p{N}])");
            assertFalse(word.matcher(shown).find(),
                    name + ": shows \"" + foreign + "\", a text of the other language");
        }
    }

    /** What a reader sees or hears: the text, and the titles and labels of elements. */
    private static String shownText(String html) {
        Document page = Jsoup.parse(html);
        StringBuilder shown = new StringBuilder(page.text());
        for (Element labelled : page.select("[title], [aria-label]")) {
            shown.append('\n').append(labelled.attr("title")).append('\n').append(labelled.attr("aria-label"));
        }
        return shown.toString();
    }

    /**
     * The texts without parameters that read differently in the two languages, by the language of the
     * page they must not appear on: as written (annotations, properties files), not as the app serves
     * them, so a German file the app fails to pick up shows as English on the German pages.
     */
    private static Map<String, List<String>> foreignTexts() throws IOException {
        List<String> english = new ArrayList<>();
        List<String> german = new ArrayList<>();
        for (Class<?> bundle : Bundles.ALL) {
            Properties de = Bundles.german(bundle);
            for (Method method : Bundles.methods(bundle)) {
                String en = Bundles.english(method);
                String text = de == null ? null : de.getProperty(method.getName());
                if (method.getParameterCount() == 0 && !en.equals(text)) {
                    english.add(en);
                    if (text != null) {
                        german.add(text);
                    }
                }
            }
        }
        return Map.of("de", english, "en", german);
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
