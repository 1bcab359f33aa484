package dev.smtpkeys.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.keys.KeyNames;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Hostile values in every form field, query and path parameter of every route: never a 5xx, a refusal
 * always says something (an HTML page, not an empty body), and nothing is stored that the rules refuse.
 */
@QuarkusTest
class HostileInputTest {

    /** The values, each sent on its own into every slot. */
    static final List<String> VALUES = List.of("", " ", "x".repeat(65), "x".repeat(2_100), "x".repeat(5_000),
            "\u0000", "a\u0000b", "%00", "\u0001\u001f", "\t\r\n", "line\nbreak", "\u007f", "\u0085", "\u2028",
            "\u202Egnp.exe", "\u2066x\u2069", "\u200B", "\u200F", "\uFEFF", "\uffff\ufffe", "\uFDD0", "\uD83F\uDFFF",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{inject:csrf.token}",
            "{#include layout/main}{/include}", "{currentUser.user.passwordHash}", "{msg:app_name}",
            "' OR '1'='1", "'; DROP TABLE account; --", "%' OR 1=1 --", "_%", "\\", "../../etc/passwd",
            "-1", "0", "-9223372036854775809", "9223372036854775808", "99999999999999999999999", "1e309", "NaN",
            "0x10", "true", "[]", "{}", "null", "😀".repeat(80), "ǅİﬀ𝕬", "\u00A0\u3000", "a@b", "@@",
            "user@exa mple.org", "x@" + "a".repeat(300) + ".org", "de-DE-x-" + "a".repeat(60), "${7*7}", "#{7*7}");

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    DataSource dataSource;

    enum Who { ANONYMOUS, USER, SUPPORT }

    /** A place for a value: who sends it, the method, and the request for a value and the fixtures. */
    record Slot(String name, Who who, Function<String, Request> request) {
    }

    record Request(String method, String path, Map<String, String> form) {
    }

    record Fixtures(TestAccounts.Created owner, long key) {
    }

    private List<Slot> slots(Fixtures f) {
        String keyPath = "/settings/keys/smtp/" + f.key();
        String admin = "/admin/accounts/" + f.owner().accountId();
        List<Slot> slots = new ArrayList<>(List.of(
                post("signup company", Who.ANONYMOUS, "/signup", "company", "j_username", fresh(), "j_password",
                        "long-enough-password", "repeat", "long-enough-password"),
                post("signup e-mail", Who.ANONYMOUS, "/signup", "j_username", "company", "Hostile Ltd"),
                post("signup password", Who.ANONYMOUS, "/signup", "j_password", "company", "Hostile Ltd", "j_username", fresh()),
                post("language", Who.ANONYMOUS, "/language", "locale"),
                get("login error", Who.ANONYMOUS, v -> "/login?error=" + enc(v)),
                post("key name", Who.USER, "/settings/keys/smtp", "name", "nonce", UUID.randomUUID().toString()),
                post("key nonce", Who.USER, "/settings/keys/smtp", "nonce", "name", "Hostile nonce"),
                post("password current", Who.USER, "/account/password", "current", "password", "x", "repeat", "x"),
                post("password new", Who.USER, "/account/password", "password", "current", "wrong-password", "repeat", "y"),
                post("key version", Who.USER, keyPath + "/deactivate", "version"),
                get("key id", Who.USER, v -> "/settings/keys/smtp/" + enc(v) + "/deactivate"),
                postPath("key id (POST)", Who.USER, v -> "/settings/keys/smtp/" + enc(v) + "/delete"),
                get("key action", Who.USER, v -> keyPath + "/" + enc(v)),
                get("activity page", Who.USER, v -> "/settings/activity?page=" + enc(v)),
                get("activity key", Who.USER, v -> "/settings/activity?key=" + enc(v)),
                get("messages page", Who.USER, v -> "/settings/messages?page=" + enc(v)),
                get("messages key", Who.USER, v -> "/settings/messages?key=" + enc(v)),
                get("admin search", Who.SUPPORT, v -> "/admin?q=" + enc(v)),
                get("admin page", Who.SUPPORT, v -> "/admin?q=a&page=" + enc(v)),
                get("admin account id", Who.SUPPORT, v -> "/admin/accounts/" + enc(v)),
                get("admin account key", Who.SUPPORT, v -> admin + "?key=" + enc(v)),
                post("admin company", Who.SUPPORT, "/admin/accounts", "company", "email", fresh()),
                post("admin e-mail", Who.SUPPORT, "/admin/accounts", "email", "company", "Hostile Ltd"),
                post("admin reason", Who.SUPPORT, admin + "/keys/" + f.key() + "/deactivate", "reason"),
                post("admin deactivate-all reason", Who.SUPPORT, admin + "/keys/deactivate-all", "reason"),
                get("admin key action", Who.SUPPORT, v -> admin + "/keys/" + f.key() + "/" + enc(v)),
                get("keys filter", Who.USER, v -> "/settings/keys/smtp?show=" + enc(v)),
                generate("key expiry", "expires", "expires_on", ""),
                generate("key expiry date", "expires_on", "expires", "date"),
                post("rotate grace", Who.USER, keyPath + "/rotate", "grace", "version", "0"),
                post("rotate version", Who.USER, keyPath + "/rotate", "version", "grace", "now"),
                post("allowlist", Who.USER, keyPath + "/networks", "networks"),
                post("reveal password", Who.USER, "/settings/keys/smtp/master/reveal", "password"),
                postPath("queued mail action", Who.USER, v -> "/settings/messages/keys/" + f.key() + "/" + enc(v)),
                get("welcome token", Who.ANONYMOUS, v -> "/account/welcome/" + enc(v)),
                post("welcome token (POST)", Who.ANONYMOUS, "/account/welcome", "token", "j_password",
                        "long-enough-password", "repeat", "long-enough-password"),
                post("welcome password", Who.ANONYMOUS, "/account/welcome", "j_password", "token", "x".repeat(43)),
                post("admin language", Who.SUPPORT, "/admin/accounts", "language", "company", "Hostile Ltd", "email", fresh()),
                postPath("admin invite user", Who.SUPPORT, v -> admin + "/users/" + enc(v) + "/invite"),
                post("admin queued mail reason", Who.SUPPORT, admin + "/keys/" + f.key() + "/queued/hold", "reason"),
                postPath("admin queued mail action", Who.SUPPORT, v -> admin + "/keys/" + f.key() + "/queued/" + enc(v)),
                post("admin limit per minute", Who.SUPPORT, admin + "/sending-limits", "perMinute", "perDay", "1000",
                        "reason", "Hostile input test of the form", "action", "save"),
                post("admin limit per day", Who.SUPPORT, admin + "/sending-limits", "perDay", "perMinute", "100",
                        "reason", "Hostile input test of the form", "action", "save"),
                post("admin limit reason", Who.SUPPORT, admin + "/sending-limits", "reason", "perMinute", "100",
                        "perDay", "1000", "action", "save"),
                post("admin limit action", Who.SUPPORT, admin + "/sending-limits", "action", "perMinute", "100",
                        "perDay", "1000", "reason", "Hostile input test of the form")));
        return slots;
    }

    @Test
    void noHostileValueCausesAServerErrorOrASilentRefusal() throws Exception {
        TestAccounts.Created owner = accounts.create();
        Fixtures fixtures = new Fixtures(owner, data.generateKey(owner, "Target"));
        Map<Who, WebSession> sessions = Map.of(Who.ANONYMOUS, WebSession.anonymous(),
                Who.USER, WebSession.signIn(owner.email(), TestAccounts.PASSWORD),
                Who.SUPPORT, WebSession.signIn(accounts.createSupport(), TestAccounts.PASSWORD));
        List<String> problems = new ArrayList<>();
        int sent = 0;
        for (Slot slot : slots(fixtures)) {
            WebSession session = sessions.get(slot.who());
            String token = session.csrfToken();
            for (String value : VALUES) {
                Request request = slot.request().apply(value);
                Response answer = send(session, token, request);
                sent++;
                int status = answer.statusCode();
                String label = slot.name() + " <- " + printable(value) + ": " + status;
                if (status >= 500) {
                    problems.add(label);
                } else if (status == 400 && answer.asString().isBlank()) {
                    problems.add(label + " with an empty body");
                }
            }
        }
        problems.addAll(refusedNamesStored(owner.accountId()));
        assertTrue(sent >= VALUES.size() * 45, "sent " + sent);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static Response send(WebSession session, String token, Request request) {
        if (request.method().equals("GET")) {
            return given().urlEncodingEnabled(false).redirects().follow(false).cookies(session.copyCookies())
                    .get(request.path());
        }
        Map<String, String> form = new LinkedHashMap<>(request.form());
        form.put("csrf-token", token);
        var spec = given().urlEncodingEnabled(false).redirects().follow(false).cookies(session.copyCookies())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return spec.body(body.toString()).post(request.path());
    }

    /** Key names of the account that today's rules would refuse or store differently. */
    private List<String> refusedNamesStored(long accountId) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select name from smtp_key where account_id = ? and name is not null")) {
            s.setLong(1, accountId);
            try (ResultSet names = s.executeQuery()) {
                while (names.next()) {
                    String name = names.getString(1);
                    try {
                        if (!KeyNames.normalize(name).equals(name)) {
                            problems.add("stored unnormalized: " + printable(name));
                        }
                    } catch (RuntimeException refused) {
                        problems.add("stored a name the rules refuse: " + printable(name));
                    }
                }
            }
        }
        return problems;
    }

    private static Slot post(String name, Who who, String path, String field, String... others) {
        return new Slot(name, who, v -> {
            Map<String, String> form = new LinkedHashMap<>();
            for (int i = 0; i < others.length; i += 2) {
                form.put(others[i], others[i + 1]);
            }
            form.put(field, v);
            return new Request("POST", path, form);
        });
    }

    /** Generate with the value in {@code field}: each request names a new key, so only the value can be refused. */
    private static Slot generate(String name, String field, String other, String otherValue) {
        return new Slot(name, Who.USER, v -> new Request("POST", "/settings/keys/smtp", Map.of("name",
                "Hostile " + UUID.randomUUID(), "nonce", UUID.randomUUID().toString(), other, otherValue, field, v)));
    }

    private static Slot postPath(String name, Who who, Function<String, String> path) {
        return new Slot(name, who, v -> new Request("POST", path.apply(v), Map.of()));
    }

    private static Slot get(String name, Who who, Function<String, String> path) {
        return new Slot(name, who, v -> new Request("GET", path.apply(v), Map.of()));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String fresh() {
        return "hostile-" + UUID.randomUUID() + "@example.org";
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return value.length() > 40 ? out + "…(" + value.length() + ")" : out.toString();
    }
}
