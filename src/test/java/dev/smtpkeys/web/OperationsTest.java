package dev.smtpkeys.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Health and metrics answer on the management port, without sign-in, and not on the public port. */
@QuarkusTest
class OperationsTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Inject
    TestAccounts accounts;

    @Test
    void theManagementPortServesHealthWithTheDatabaseAndMetrics() {
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void thePublicPortServesNoOperationsEndpointsEvenToASignedInUser() {
        // signed in, so that a 404 is the port's answer and not the sign-in redirect every anonymous request gets
        WebSession user = WebSession.signIn(accounts.create().email(), TestAccounts.PASSWORD);
        user.get("/settings/keys/smtp").then().statusCode(200);
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics")) {
            user.get(path).then().statusCode(404);
        }
    }
}
