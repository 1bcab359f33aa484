package dev.smtpkeys.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health and metrics answer on the management port, without sign-in, and not on the public port. */
@QuarkusTest
class OperationsTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Test
    void readinessIncludesTheDatabase() {
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void thePublicPortServesNoOperationsEndpoints() {
        given().redirects().follow(false).get("/q/health").then().statusCode(not(equalTo(200)));
        given().redirects().follow(false).get("/q/metrics").then().statusCode(not(equalTo(200)));
    }
}
