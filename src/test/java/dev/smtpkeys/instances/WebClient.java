package dev.smtpkeys.instances;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in over plain HTTP against one base address (the balancer or one instance): keeps
 * cookies like a browser (all of them, whatever their attributes: the test speaks plain HTTP to what
 * would sit behind TLS), follows no redirect by itself, and posts forms with the page's CSRF token.
 * {@link #copyTo} hands the cookies to a client for another address, as the same browser reaching
 * another instance.
 */
final class WebClient {

    /** One answer: status, body, where it redirects, and which instance the balancer sent it to. */
    record Page(int status, String body, String location, String servedBy) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A client for {@code port} that holds this one's cookies. */
    WebClient copyTo(int port) {
        WebClient other = new WebClient(port);
        other.cookies.putAll(cookies);
        return other;
    }

    Page get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** Posts {@code form} with the CSRF token of {@code formPage}, fetched first as a browser would have it. */
    Page post(String formPage, String path, Map<String, String> form) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get(formPage).body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + formPage);
        }
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("csrf-token", token.group(1));
        return postRaw(path, withToken);
    }

    /** Posts exactly {@code form}. */
    Page postRaw(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A sign-in through the form login, one request (as a script guessing passwords sends it); answers its redirect. */
    Page signIn(String email, String password) throws IOException, InterruptedException {
        return postRaw("/j_security_check", Map.of("j_username", email, "j_password", password));
    }

    /** Whether a sign-in answer is a success (a redirect to the start, not back to the login page). */
    static boolean signedIn(Page answer) {
        return answer.status() == 302 && answer.location() != null && !answer.location().contains("/login");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Accept-Language", "en");
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private Page send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(this::store);
        return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("X-Served-By").orElse(null));
    }

    private void store(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        boolean expired = value.isEmpty();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
            expired |= attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970") || attribute.startsWith("expires=thu, 01-jan-1970");
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
