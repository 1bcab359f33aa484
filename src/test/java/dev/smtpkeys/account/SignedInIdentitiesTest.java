package dev.smtpkeys.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The signed-in identity is restored from the session cookie without asking the database each time. */
@QuarkusTest
class SignedInIdentitiesTest {

    @Inject
    TestAccounts accounts;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void staticAssetsOfASignedInUserLoadNoUser() {
        TestAccounts.Created owner = accounts.create();
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        session.get("/static/app.css").then().statusCode(200);
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        for (int i = 0; i < 5; i++) {
            session.get("/static/app.css").then().statusCode(200);
        }
        long userQueries = Arrays.stream(stats.getQueries()).filter(q -> q.contains(User.class.getSimpleName()))
                .mapToLong(q -> stats.getQueryStatistics(q).getExecutionCount()).sum();
        assertEquals(0, userQueries, Arrays.toString(stats.getQueries()));
        assertEquals(0, stats.getEntityStatistics(User.class.getName()).getLoadCount(), "no user loaded for a stylesheet");
    }

    @Test
    void theSmtpTabReadsItsUserWithTheSessionNotInAQueryOfItsOwn() {
        TestAccounts.Created owner = accounts.create();
        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        String page = session.get("/settings/keys/smtp").then().statusCode(200).extract().asString();
        // the layout still shows who is signed in, from the session's statement
        assertTrue(page.contains(owner.email()), "the menu shows the e-mail address");
        assertTrue(page.contains(owner.smtpLogin()), "the menu shows the SMTP login");
        // the user with the account, as CurrentUser.user() loads it (the sign-in's audit line, written
        // asynchronously, looks the user up by e-mail alone and may land here)
        long userQueries = Arrays.stream(stats.getQueries())
                .filter(q -> q.contains(User.class.getSimpleName()) && q.contains("join fetch u.account"))
                .mapToLong(q -> stats.getQueryStatistics(q).getExecutionCount()).sum();
        assertEquals(0, userQueries, Arrays.toString(stats.getQueries()));
    }
}
