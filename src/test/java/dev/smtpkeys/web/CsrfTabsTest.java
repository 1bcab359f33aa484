package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.keys.KeyStatus;
import dev.smtpkeys.support.NewOwnerTest;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A form keeps working in every tab of a session, however many pages were opened since; a form
 * without a valid token gets a page in the reader's language that offers it again with what was
 * typed; the token changes at sign-in and sign-out.
 */
@QuarkusTest
class CsrfTabsTest extends NewOwnerTest {

    static final String SMTP = "/settings/keys/smtp";
    static final List<String> OTHER_PAGES = List.of("/settings/activity", "/settings/messages", SMTP,
            "/account/password", "/settings/activity");
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @Test
    void theFirstOfTwoTabsStillPosts() {
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        String firstTab = token(session.get(SMTP));
        session.get("/settings/activity").then().statusCode(200);
        generate(session, firstTab, "From the first tab").then().statusCode(200);
        assertEquals(2, data.statuses(owner.accountId()).size());
    }

    @Test
    void aFormFromFivePagesAgoStillPosts() {
        long key = data.generateKey(owner, "Shop");
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        String stale = token(session.get(SMTP + "/" + key + "/deactivate"));
        for (String page : OTHER_PAGES) {
            session.get(page).then().statusCode(200);
        }
        session.postRaw(SMTP + "/" + key + "/deactivate", Map.of("csrf-token", stale)).then().statusCode(303);
        assertEquals(KeyStatus.INACTIVE, data.status(key));
        // the other tab's language switch and log-out too
        session.postRaw("/language", Map.of("csrf-token", stale, "locale", "de")).then().statusCode(303);
        session.postRaw("/logout", Map.of("csrf-token", stale)).then().statusCode(303);
        session.get(SMTP).then().statusCode(302);
    }

    @Test
    void aMissingTokenGetsTheFormBackInTheReadersLanguage() {
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD).language("de");
        session.get(SMTP);
        String nonce = UUID.randomUUID().toString();
        Response expired = session.postRaw(SMTP, Map.of("name", "Shop <b>\"2\"</b>", "nonce", nonce));
        expired.then().statusCode(400);
        String page = expired.asString();
        assertTrue(page.contains("Dieses Formular ist abgelaufen"), page);
        assertTrue(page.contains("action=\"" + SMTP + "\""), page);
        Map<String, String> offered = hiddenFields(page);
        assertEquals("Shop <b>\"2\"</b>", offered.get("name"));
        assertEquals(nonce, offered.get("nonce"));
        assertEquals(1, data.statuses(owner.accountId()).size(), "nothing made without a token");
        assertFalse(page.contains("<b>"), "what was typed is escaped");

        // sending it again as offered makes the key
        Map<String, String> again = new LinkedHashMap<>(offered);
        again.put("csrf-token", token(page));
        session.postRaw(SMTP, again).then().statusCode(200);
        assertEquals(2, data.statuses(owner.accountId()).size());
    }

    @Test
    void anExpiredFormNeverEchoesAPasswordOrTheOldToken() {
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        session.get("/account/password");
        String page = session.postRaw("/account/password", Map.of("current", TestAccounts.PASSWORD,
                "password", "my-new-secret-password", "repeat", "my-new-secret-password",
                "csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")).asString();
        assertTrue(page.contains("This form has expired"), page);
        assertFalse(page.contains(TestAccounts.PASSWORD) || page.contains("my-new-secret-password"), page);
        assertFalse(page.contains("AAAAAAAAAAAAAAAAAAAAAA"), page);
        assertTrue(page.contains("action=\"/account/password\""), page);
    }

    @Test
    void aFormFromAnotherSiteIsNotOfferedAgain() {
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        session.get(SMTP);
        Response answer = io.restassured.RestAssured.given().redirects().follow(false)
                .cookies(session.copyCookies()).header("Sec-Fetch-Site", "cross-site")
                .formParam("name", "Planted").post(SMTP);
        answer.then().statusCode(400);
        assertFalse(answer.asString().contains("Planted"), answer.asString());
        assertFalse(answer.asString().contains("action=\"" + SMTP + "\""), answer.asString());
        assertEquals(1, data.statuses(owner.accountId()).size());
    }

    @Test
    void theTokenChangesAtSignInAndSignOut() {
        WebSession session = WebSession.anonymous();
        String beforeSignIn = token(session.get("/login"));
        session.signInAttempt(owner.email(), TestAccounts.PASSWORD).then().statusCode(302);
        String signedIn = token(session.get(SMTP));
        assertNotEquals(beforeSignIn, signedIn);
        assertEquals(400, generate(session, beforeSignIn, "Planted before sign-in").statusCode());

        session.postRaw("/logout", Map.of("csrf-token", signedIn)).then().statusCode(303);
        assertFalse(session.hasCookie("csrf-token"), "the token ends with the session");
    }

    private static Response generate(WebSession session, String token, String name) {
        return session.postRaw(SMTP, Map.of("csrf-token", token, "name", name, "nonce", UUID.randomUUID().toString()));
    }

    static String token(Response page) {
        return token(page.asString());
    }

    static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertTrue(m.find(), "no CSRF token on the page");
        return m.group(1);
    }

    private static Map<String, String> hiddenFields(String page) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            if (!m.group(1).equals("csrf-token")) {
                fields.put(m.group(1), unescape(m.group(2)));
            }
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
