package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SignedInOwnerTest;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A key's secret is shown once, in the answer that made it (or, for the master key, that revealed
 * it), and on no other page: not to the account's user, not to support, not in a confirmation,
 * a flash, an error page that renders a form again, or a header.
 */
@QuarkusTest
class SecretsStayHiddenTest extends SignedInOwnerTest {

    static final String HOME = "/settings/keys/smtp";
    static final String REASON = "Checking that no page shows a secret";

    @Inject
    RelayFixtures fixtures;

    @Inject
    KeyService keys;

    @Test
    void noSecretAppearsOnAnyPageAfterItsOneShowing() throws IOException {
        WebSession user = session;
        String master = Jsoup.parse(user.post(HOME + "/master/reveal").asString()).getElementById("master-key").val();
        String shop = generate(user, "Shop");
        String old = generate(user, "Old shop");
        List<String> secrets = List.of(master, shop, old);
        secrets.forEach(secret -> assertTrue(keys.verify(owner.smtpLogin(), secret).isPresent(), "a real secret"));
        long masterId = data.masterId(owner.accountId());
        long shopId = data.keyId(owner.accountId(), "Shop");
        long oldId = data.keyId(owner.accountId(), "Old shop");
        List<Long> ids = List.of(masterId, shopId, oldId);
        // the key is used, so the pages have a last use and sent mail to show
        try (SmtpTestClient client = fixtures.authenticated(new RelayFixtures.Key(owner.accountId(), shopId,
                owner.smtpLogin(), shop))) {
            assertEquals(250, client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("m")).code());
        }
        fixtures.flushUsage();
        user.post(HOME + "/" + oldId + "/deactivate").then().statusCode(303);

        List<Response> pages = new ArrayList<>();
        List<String> userPages = new ArrayList<>(List.of(HOME, HOME + "/new", "/settings/activity",
                "/settings/messages", "/settings/messages?key=" + shopId, "/account/password"));
        for (long id : ids) {
            userPages.add("/settings/activity?key=" + id);
            for (KeyAction action : KeyAction.values()) {
                userPages.add(HOME + "/" + id + "/" + action.path());
            }
        }
        userPages.forEach(path -> visit(user, user.get(path), pages));
        // forms shown again with their error, and refusals that lead back with a message
        pages.add(user.post(HOME, "name", "", "nonce", UUID.randomUUID().toString()));
        pages.add(user.post(HOME, "name", "shop", "nonce", UUID.randomUUID().toString()));
        visit(user, user.post(HOME + "/" + masterId + "/delete"), pages);
        visit(user, user.post(HOME + "/" + oldId + "/deactivate"), pages);
        pages.add(user.post("/account/password", "current", "wrong-password", "password", "x", "repeat", "y"));

        WebSession support = WebSession.signIn(accounts.createSupport(), TestAccounts.PASSWORD);
        String account = "/admin/accounts/" + owner.accountId();
        List<String> supportPages = new ArrayList<>(List.of("/admin?q=" + owner.smtpLogin(), account,
                account + "/keys/deactivate-all", "/admin/accounts/new"));
        for (long id : ids) {
            supportPages.add(account + "?key=" + id);
            for (KeyAction action : KeyAction.values()) {
                supportPages.add(account + "/keys/" + id + "/" + action.path());
            }
        }
        supportPages.forEach(path -> visit(support, support.get(path), pages));
        for (String action : List.of("deactivate", "delete")) {
            pages.add(support.post(account + "/keys/" + shopId + "/" + action, "reason", "short"));
        }
        visit(support, support.post(account + "/keys/" + masterId + "/delete", "reason", REASON), pages);
        pages.add(support.post(account + "/keys/deactivate-all", "reason", "short"));
        visit(support, support.post(account + "/keys/deactivate-all", "reason", REASON), pages);
        // what each of them sees after support acted
        List.of(HOME, "/settings/activity").forEach(path -> visit(user, user.get(path), pages));

        assertTrue(pages.size() > 50, "pages seen: " + pages.size());
        for (Response page : pages) {
            String body = page.asString();
            for (String secret : secrets) {
                // the whole key, or its random part (a key shown cut up or without its prefix is shown all the same)
                for (String part : List.of(secret, secret.substring(KeySecret.PREFIX.length(), KeySecret.LENGTH - 8))) {
                    assertTrue(!body.contains(part), "a secret on a page of " + page.statusCode() + ": "
                            + Jsoup.parse(body).title());
                    for (Header header : page.headers()) {
                        assertTrue(!header.getValue().contains(part), "a secret in the header " + header.getName());
                    }
                }
            }
        }
    }

    private static String generate(WebSession user, String name) {
        Response created = user.post(HOME, "name", name, "nonce", UUID.randomUUID().toString());
        created.then().statusCode(200);
        return Jsoup.parse(created.asString()).getElementById("new-key").val();
    }

    /** Keeps {@code answer} and, for a redirect, the pages it leads to (where a flash message shows). */
    private static void visit(WebSession session, Response answer, List<Response> pages) {
        pages.add(answer);
        for (int hops = 0; hops < 3 && answer.statusCode() / 100 == 3; hops++) {
            answer = session.get(answer.header("Location"));
            pages.add(answer);
        }
    }
}
