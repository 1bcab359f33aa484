package dev.smtpkeys.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the switch off there is no sign-up, only a page that says so. (Its own profile: keep it small.) */
@QuarkusTest
@TestProfile(SignupClosedTest.Closed.class)
class SignupClosedTest {

    public static class Closed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smtpkeys.account.signup-enabled", "false");
        }
    }

    @Test
    void signupIsClosedAndNotLinked() {
        WebSession browser = WebSession.anonymous();
        browser.get("/login").then().statusCode(200).body(not(containsString("/signup")));
        browser.get("/signup").then().statusCode(404).body(containsString("Sign-up is closed"))
                .body(not(containsString("name=\"j_password\"")));
        browser.language("de").get("/signup").then().statusCode(404).body(containsString("Registrierung ist geschlossen"));
        browser.post("/signup", Map.of("company", "Closed Co", "j_username", "closed@example.org",
                "j_password", "a-long-enough-password", "repeat", "a-long-enough-password")).then().statusCode(404);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> User.findByEmail("closed@example.org").isEmpty()));
    }
}
