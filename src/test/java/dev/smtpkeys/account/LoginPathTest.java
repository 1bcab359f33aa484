package dev.smtpkeys.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/**
 * Quarkus' form login takes a POST to any path that ends in {@code /j_security_check}; only the one
 * the login page posts to signs in, and never from another site.
 */
@QuarkusTest
class LoginPathTest {

    static final List<String> OTHER_PATHS = List.of("/x/j_security_check", "/settings/j_security_check",
            "/static/j_security_check", "/a/b/c/j_security_check", "/login/j_security_check");

    @Inject
    TestAccounts accounts;

    @Test
    void aCrossSiteSignInByAnotherPathSetsNoCookie() {
        TestAccounts.Created user = accounts.create();
        for (String path : OTHER_PATHS) {
            signIn(user).header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                    .post(path).then().statusCode(404).header("Set-Cookie", nullValue());
        }
    }

    @Test
    void anotherPathDoesNotSignInFromThisSiteEither() {
        TestAccounts.Created user = accounts.create();
        for (String path : OTHER_PATHS) {
            signIn(user).header("Sec-Fetch-Site", "same-origin").post(path).then().statusCode(404)
                    .header("Set-Cookie", nullValue());
        }
        // the control: the real path signs in
        signIn(user).header("Sec-Fetch-Site", "same-origin").post("/j_security_check").then().statusCode(302)
                .header("Location", not(containsString("error")));
    }

    private static RequestSpecification signIn(TestAccounts.Created user) {
        return given().redirects().follow(false).formParam("j_username", user.email())
                .formParam("j_password", TestAccounts.PASSWORD);
    }
}
