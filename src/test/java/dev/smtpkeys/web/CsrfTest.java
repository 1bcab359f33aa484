package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.Invitations;
import dev.smtpkeys.account.User;
import dev.smtpkeys.keys.KeyAction;
import dev.smtpkeys.outbound.QueueAction;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;

/**
 * Every POST route refuses a form without its CSRF token, or with another session's, and changes
 * nothing; the same form with the token goes through, so the refusal is the token's doing. The
 * routes are found in the resource classes, so a new one fails this test until it has its row.
 * ({@code /j_security_check} is not a resource: the sign-in's origin check covers it, LoginTest.)
 */
@QuarkusTest
class CsrfTest {

    static final String REASON = "Checking that forms need their CSRF token";

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    DataSource dataSource;

    @Inject
    Invitations invitations;

    @Inject
    MockMailbox mailbox;

    enum Who { ANONYMOUS, USER, SUPPORT }

    /** What a row posts, on a fresh account of its own with an active and an inactive key. */
    record Account(TestAccounts.Created owner, long active, long inactive) {
    }

    /** One POST route (as its resources declare it), who posts, and where and what for one account. */
    record Row(String route, Who who, Function<Account, String> path, Function<Account, Map<String, String>> form) {
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>(List.of(
                new Row("/signup", Who.ANONYMOUS, a -> "/signup", a -> form("company", "Csrf Ltd",
                        "j_username", fresh(), "j_password", TestAccounts.PASSWORD, "repeat", TestAccounts.PASSWORD)),
                new Row("/language", Who.USER, a -> "/language", a -> form("locale", "de")),
                new Row("/logout", Who.USER, a -> "/logout", a -> form()),
                new Row("/account/password", Who.USER, a -> "/account/password", a -> form("current", TestAccounts.PASSWORD,
                        "password", "another-long-password", "repeat", "another-long-password")),
                new Row("/settings/keys/smtp", Who.USER, a -> "/settings/keys/smtp",
                        a -> form("name", "Csrf", "nonce", UUID.randomUUID().toString())),
                new Row("/settings/keys/smtp/master/reveal", Who.USER, a -> "/settings/keys/smtp/master/reveal", a -> form()),
                new Row("/settings/keys/smtp/{id}/networks", Who.USER, a -> "/settings/keys/smtp/" + a.active() + "/networks",
                        a -> form("networks", "192.0.2.1")),
                new Row("/settings/keys/smtp/{id}/rotate", Who.USER, a -> "/settings/keys/smtp/" + a.active() + "/rotate",
                        a -> form("grace", "first-use")),
                new Row("/admin/accounts/{id}/sending-limits", Who.SUPPORT, a -> "/admin/accounts/" + a.owner().accountId()
                        + "/sending-limits", a -> form("perMinute", "5", "perDay", "50", "reason", REASON)),
                new Row("/admin/accounts", Who.SUPPORT, a -> "/admin/accounts", a -> form("company", "Csrf Ltd", "email", fresh())),
                new Row("/account/welcome", Who.ANONYMOUS, a -> "/account/welcome", a -> form("token", invited(a),
                        "j_username", a.owner().email(), "j_password", "another-long-password", "repeat", "another-long-password")),
                new Row("/admin/accounts/{id}/users/{userId}/invite", Who.SUPPORT, a -> "/admin/accounts/"
                        + a.owner().accountId() + "/users/" + notYetChosen(a) + "/invite", a -> form()),
                new Row("/admin/accounts/{id}/keys/deactivate-all", Who.SUPPORT,
                        a -> admin(a) + "/deactivate-all", a -> form("reason", REASON))));
        for (KeyAction action : KeyAction.values()) {
            rows.add(new Row("/settings/keys/smtp/{id}/{action}", Who.USER,
                    a -> "/settings/keys/smtp/" + keyFor(action, a) + "/" + action.path(), a -> form()));
            rows.add(new Row("/admin/accounts/{id}/keys/{keyId}/{action}", Who.SUPPORT,
                    a -> admin(a) + "/" + keyFor(action, a) + "/" + action.path(), a -> form("reason", REASON)));
        }
        for (QueueAction action : QueueAction.values()) {
            rows.add(new Row("/settings/messages/keys/{keyId}/{action}", Who.USER,
                    a -> "/settings/messages/keys/" + a.active() + "/" + action.path(), a -> form()));
            rows.add(new Row("/admin/accounts/{id}/keys/{keyId}/queued/{action}", Who.SUPPORT,
                    a -> admin(a) + "/" + a.active() + "/queued/" + action.path(), a -> form("reason", REASON)));
        }
        return rows;
    }

    @Test
    void everyPostRouteOfTheResourcesHasARow() throws Exception {
        Set<String> covered = rows().stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(postRoutes(), covered);
    }

    @Test
    void everyPostRouteRefusesAFormWithoutItsTokenAndChangesNothing() {
        String supportEmail = accounts.createSupport();
        List<String> problems = new ArrayList<>();
        for (Row row : rows()) {
            Account account = newAccount();
            WebSession session = sessionFor(row.who(), account, supportEmail);
            String path = row.path().apply(account);
            Map<String, String> form = row.form().apply(account);
            String name = row.who() + " POST " + path;

            String before = state(account, supportEmail);
            Map<String, String> foreign = new LinkedHashMap<>(form);
            foreign.put("csrf-token", WebSession.anonymous().csrfToken());
            for (Map<String, String> refused : List.of(form, foreign)) {
                int status = session.postRaw(path, refused).statusCode();
                if (status != 400 && status != 403) {
                    problems.add(name + (refused == form ? " without a token" : " with another's token") + ": " + status);
                }
                if (!before.equals(state(account, supportEmail))) {
                    problems.add(name + ": changed data without a valid token");
                }
            }

            // the control: with its token, the same form goes through
            int accepted = session.post(path, form).statusCode();
            if (accepted >= 400 || before.equals(state(account, supportEmail))) {
                problems.add(name + " with its token: " + accepted + ", nothing changed");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Makes the account's user one who has not chosen a password yet; answers their id. */
    private static long notYetChosen(Account account) {
        QuarkusTransaction.requiringNew().run(() -> User.<User>findById(account.owner().userId()).mustChangePassword = true);
        return account.owner().userId();
    }

    /** Invites the account's user, as support would; answers the token of the mailed link. */
    private String invited(Account account) {
        notYetChosen(account);
        invitations.sendAgain(Actor.system(), account.owner().accountId(), account.owner().userId(), "http://localhost/");
        List<Mail> mails = mailbox.getMailsSentTo(account.owner().email());
        Matcher link = Pattern.compile("/account/welcome/([A-Za-z0-9_-]{43})").matcher(mails.get(mails.size() - 1).getText());
        assertTrue(link.find());
        return link.group(1);
    }

    private Account newAccount() {
        TestAccounts.Created owner = accounts.create();
        long active = data.generateKey(owner, "Shop");
        long inactive = data.generateKey(owner, "Old shop");
        data.deactivate(owner, inactive);
        return new Account(owner, active, inactive);
    }

    private static WebSession sessionFor(Who who, Account account, String supportEmail) {
        return switch (who) {
            case ANONYMOUS -> {
                WebSession anonymous = WebSession.anonymous();
                anonymous.get("/login"); // holds the CSRF cookie as a visitor's browser would
                yield anonymous;
            }
            case USER -> WebSession.signIn(account.owner().email(), TestAccounts.PASSWORD);
            case SUPPORT -> WebSession.signIn(supportEmail, TestAccounts.PASSWORD);
        };
    }

    private static long keyFor(KeyAction action, Account account) {
        return action == KeyAction.ACTIVATE ? account.inactive() : account.active();
    }

    private static String admin(Account account) {
        return "/admin/accounts/" + account.owner().accountId() + "/keys";
    }

    /**
     * What any of the forms could change: the number of accounts and users, the account's keys, its
     * audit log (sign-ins are written asynchronously, so they are left out), its users' passwords,
     * languages and sessions, and the support user's sessions.
     */
    private String state(Account account, String supportEmail) {
        String sql = """
                select (select count(*) from account) || '|' || (select count(*) from app_user) || '|'
                    || (select coalesce(string_agg(id || ':' || status || ':' || version, ',' order by id), '')
                          from smtp_key where account_id = ?) || '|'
                    || (select count(*) from audit_event where account_id = ? and action not in ('LOGIN', 'LOGIN_FAILED'))
                    || '|' || (select string_agg(password_hash || ':' || coalesce(locale, '-'), ',' order by id)
                                 from app_user where account_id = ?) || '|'
                    || (select count(*) from user_session s join app_user u on u.id = s.user_id
                         where u.account_id = ? or lower(u.email) = lower(?))""";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            long id = account.owner().accountId();
            for (int i = 1; i <= 4; i++) {
                select.setLong(i, id);
            }
            select.setString(5, supportEmail);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The route of every {@code @POST} method of the main classes, path parameters without their patterns. */
    private static Set<String> postRoutes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(KeyAction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> routes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, CsrfTest.class.getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(POST.class)) {
                        routes.add(route(type.getAnnotation(jakarta.ws.rs.Path.class), method.getAnnotation(jakarta.ws.rs.Path.class)));
                    }
                }
            }
        }
        assertTrue(routes.size() > 5, "found only " + routes);
        return routes;
    }

    private static String route(jakarta.ws.rs.Path type, jakarta.ws.rs.Path method) {
        String joined = (type == null ? "" : type.value()) + "/" + (method == null ? "" : method.value());
        String route = ("/" + joined).replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return route.length() > 1 && route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
    }

    private static String fresh() {
        return "csrf-" + UUID.randomUUID() + "@example.org";
    }

    private static Map<String, String> form(String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        return form;
    }
}
