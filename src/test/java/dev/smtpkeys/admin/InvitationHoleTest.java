package dev.smtpkeys.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.User;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The hole that support-created accounts had: support read the initial password on the "created" page,
 * signed in as the customer, changed the password (so the reveal gate opened) and revealed the master
 * key. Now nothing support is shown signs in.
 */
@QuarkusTest
class InvitationHoleTest {

    @Inject
    TestAccounts accounts;

    @Test
    void supportCannotSignInAsTheCustomerChangeThePasswordAndRevealTheMasterKey() {
        WebSession support = WebSession.signIn(accounts.createSupport(), TestAccounts.PASSWORD);
        String email = "hole-" + UUID.randomUUID() + "@example.org";
        Response created = support.post("/admin/accounts", "company", "Phone Orders Ltd", "email", email);
        created.then().statusCode(200);
        long accountId = QuarkusTransaction.requiringNew()
                .call(() -> User.findByEmail(email).orElseThrow().account.id);
        String accountPage = support.get("/admin/accounts/" + accountId).then().statusCode(200).extract().asString();

        for (String seen : candidates(created.asString(), accountPage)) {
            Response attempt = WebSession.anonymous().signInAttempt(email, seen);
            if (attempt.statusCode() == 302 && !attempt.header("Location").contains("error")) {
                // the old flow: signed in with what support read; choose a password, then reveal
                WebSession asCustomer = WebSession.signIn(email, seen);
                asCustomer.post("/account/password", "current", seen, "password", "support-chose-this-1",
                        "repeat", "support-chose-this-1");
                String revealed = asCustomer.post("/settings/keys/smtp/master/reveal").asString();
                assertFalse(revealed.contains("smtpk_"), "support revealed the customer's master key");
                throw new AssertionError("support signed in as the customer with a value an admin page showed");
            }
        }
    }

    @Test
    void noAdminAnswerAboutTheNewAccountCarriesAPassword() {
        WebSession support = WebSession.signIn(accounts.createSupport(), TestAccounts.PASSWORD);
        String email = "nopass-" + UUID.randomUUID() + "@example.org";
        Response created = support.post("/admin/accounts", "company", "No Secrets Ltd", "email", email);
        Document page = Jsoup.parse(created.asString());
        assertTrue(page.select("#initial-password, .secret, input[type=password]").isEmpty(), page.select("main").html());
        assertTrue(page.text().contains(email), "the page names the address the invitation went to");
    }

    /** Every value and code-like text on the pages that could be a password (CSRF tokens aside). */
    static Set<String> candidates(String... pages) {
        Set<String> seen = new LinkedHashSet<>();
        for (String html : pages) {
            Document page = Jsoup.parse(html);
            page.select("main input[value]").stream().filter(i -> !i.attr("name").equals("csrf-token"))
                    .map(i -> i.attr("value")).filter(v -> v.length() >= 12).forEach(seen::add);
            page.select("main code, main .mono, main .secret").stream().map(e -> e.text().strip())
                    .filter(v -> v.length() >= 12).forEach(seen::add);
        }
        return seen;
    }
}
