package dev.smtpkeys.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser stand-in for rest-assured tests: keeps cookies like a browser, signs in through the
 * real form login, and sends forms with the CSRF token taken from the page, as a browser would.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private String acceptLanguage = "en";

    public static WebSession anonymous() {
        return new WebSession();
    }

    public static WebSession signIn(String email, String password) {
        WebSession session = new WebSession();
        Response answer = session.signInAttempt(email, password);
        if (answer.statusCode() != 302 || answer.header("Location").contains("error")) {
            throw new AssertionError("sign-in failed for " + email + ": " + answer.statusCode() + " " + answer.header("Location"));
        }
        return session;
    }

    public Response signInAttempt(String email, String password) {
        get("/login");
        return store(spec().formParam("j_username", email).formParam("j_password", password)
                .post("/j_security_check"));
    }

    /** Another client holding copies of this one's cookies, as a thief of them would. */
    public WebSession copy() {
        WebSession copy = new WebSession();
        copy.cookies.putAll(cookies);
        copy.acceptLanguage = acceptLanguage;
        return copy;
    }

    public WebSession language(String tag) {
        this.acceptLanguage = tag;
        return this;
    }

    public Response get(String path) {
        return store(spec().get(path));
    }

    /** Posts {@code form} with the CSRF token of a page this session just fetched, as a browser sends it. */
    public Response post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("csrf-token", csrfToken());
        return postRaw(path, withToken);
    }

    public Response post(String path, String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        return post(path, form);
    }

    /** Posts exactly {@code form}, without adding a CSRF token. */
    public Response postRaw(String path, Map<String, String> form) {
        RequestSpecification request = spec().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach(request::formParam);
        return store(request.post(path));
    }

    public String csrfToken() {
        Response answer = get(cookies.containsKey("quarkus-credential") ? "/" : "/login");
        // the start page sends each user to their home (support to /admin, a forced change to its page)
        for (int hops = 0; hops < 3 && answer.statusCode() / 100 == 3; hops++) {
            answer = get(answer.header("Location"));
        }
        String page = answer.asString();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return m.group(1);
    }

    /** The cookies this session holds, for a request made by hand. */
    public Map<String, String> copyCookies() {
        return new HashMap<>(cookies);
    }

    public boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    private RequestSpecification spec() {
        return given().redirects().follow(false).header("Accept-Language", acceptLanguage).cookies(cookies);
    }

    private Response store(Response response) {
        for (Cookie cookie : response.getDetailedCookies()) {
            if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return response;
    }
}
