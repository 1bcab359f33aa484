package dev.smtpkeys.keys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.User;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.sending.SendingLimits;
import dev.smtpkeys.sending.SendingUsage;
import dev.smtpkeys.support.Sql;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestData;
import dev.smtpkeys.support.WebSession;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The SMTP tab end to end over HTTP, with a real sign-in and the real database. */
@QuarkusTest
class KeysPageTest {

    static final String HOME = "/settings/keys/smtp";

    @Inject
    TestAccounts accounts;

    @Inject
    KeyService keys;

    @Inject
    SmtpEndpoint endpoint;

    @Inject
    TestData data;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    @Inject
    SendingLimits sending;

    TestAccounts.Created owner;
    WebSession session;

    @BeforeEach
    void signIn() {
        owner = accounts.create();
        session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
    }

    @Test
    void pageShowsServerLoginAndMaskedMasterKey() {
        Document page = html(session.get(HOME).then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).extract().response());
        assertEquals(owner.smtpLogin(), page.getElementById("smtp-login").text());
        assertFalse(page.getElementById("smtp-host").text().isBlank());
        var rows = page.select("table.keys tbody tr");
        assertEquals(1, rows.size());
        assertEquals("Master password", rows.get(0).selectFirst("th").text());
        assertTrue(rows.get(0).text().contains("••••••••"));
        assertTrue(page.select("form[action$=/master/reveal]").size() == 1);
        assertTrue(rows.get(0).text().contains("Cannot be deleted"));
    }

    @Test
    void theKeyTableIsOneQueryHoweverManyKeysItHolds() throws SQLException {
        for (int i = 1; i < 12; i++) {
            data.generateKey(owner, "Integration " + i);
        }
        Statistics stats = sessionFactory.getStatistics();
        stats.clear();
        Document page = html(session.get(HOME).then().statusCode(200).extract().response());
        assertEquals(12, page.select("table.keys tbody tr").size());
        // KeyTable reads the table by plain JDBC: none of it through Hibernate, no key loaded one by one
        List<String> tables = List.of("FROM `" + SmtpKey.class.getName() + "`", "smtp_key_client_ip",
                "smtp_key_allowed_network", "AllowedNetwork");
        long executions = Arrays.stream(stats.getQueries()).filter(q -> tables.stream().anyMatch(q::contains))
                .mapToLong(q -> stats.getQueryStatistics(q).getExecutionCount()).sum();
        assertEquals(0, executions, Arrays.toString(stats.getQueries()));
        assertEquals(0, stats.getEntityStatistics(SmtpKey.class.getName()).getFetchCount(), "no key loaded one by one");
        assertEquals(0, stats.getEntityStatistics(Account.class.getName()).getFetchCount(),
                "the account comes with the signed-in user, not in a query of its own");
        // the table with what its rows show of other tables (client IPs, allowlists): one statement in all,
        // neither one per key nor one per table
        long shop = data.keyId(owner.accountId(), "Integration 1");
        Sql.update(dataSource, "insert into smtp_key_client_ip (key_id, account_id, ip, last_seen_at) values (?, ?, '192.0.2.7', now())",
                shop, owner.accountId());
        QuarkusTransaction.requiringNew().run(() -> AllowedNetwork.replace(SmtpKey.findById(shop), List.of("192.0.2.0/24")));
        AtomicInteger statements = new AtomicInteger();
        KeyTable table;
        try (Connection connection = dataSource.getConnection()) {
            table = KeyTable.read(counting(connection, statements), owner.accountId(), sending);
        }
        assertEquals(12, table.keys().size());
        assertEquals("192.0.2.7", table.clientIps().get(shop).get(0).ip());
        assertEquals(List.of("192.0.2.0/24"), table.networks().get(shop));
        // the sending usage comes in the same round trip
        assertEquals(new SendingUsage(sending.defaults().perMinute(), sending.defaults().perDay(), false, 0, 0),
                table.sending());
        assertEquals(1, statements.get());
    }

    @Test
    void theKeyTableReadsEachSideTableOnceNotOncePerKey() throws SQLException {
        for (int i = 1; i < 6; i++) {
            data.generateKey(owner, "Integration " + i);
        }
        long shop = data.keyId(owner.accountId(), "Integration 1");
        QuarkusTransaction.requiringNew().run(() -> AllowedNetwork.replace(SmtpKey.findById(shop), List.of("192.0.2.0/24")));
        List<String> plan = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("explain analyze " + KeyTable.SQL)) {
            for (int parameter = 1; parameter <= 3; parameter++) {
                explain.setLong(parameter, owner.accountId());
            }
            try (ResultSet line = explain.executeQuery()) {
                while (line.next()) {
                    plan.add(line.getString(1));
                }
            }
        }
        // a side table asked once per key was two index probes for every key, with or without rows
        for (String table : List.of("smtp_key_client_ip", "smtp_key_allowed_network")) {
            List<String> scans = plan.stream().filter(node -> node.contains(" on " + table + " ")).toList();
            assertFalse(scans.isEmpty(), String.join("\n", plan));
            scans.forEach(scan -> assertTrue(scan.endsWith("loops=1)"), String.join("\n", plan)));
        }
    }

    @Test
    void insideATransactionTheKeyTableShowsWhatItChanged() {
        long shop = data.generateKey(owner, "Shop");
        List<String> names = QuarkusTransaction.requiringNew().call(() -> {
            SmtpKey.<SmtpKey>findById(shop).name = "Renamed";
            return KeyTable.of(dataSource, owner.accountId(), sending).keys().stream().map(key -> key.name).toList();
        });
        assertTrue(names.contains("Renamed"), names.toString());
    }

    @Test
    void outsideATransactionTheKeyTableLeavesNoConnectionHeldForTheRestOfTheRequest() {
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.findById(owner.accountId()));
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            User.findWithAccount(owner.email());
            assertEquals(1, KeyTable.of(dataSource, account.id, sending).keys().size());
            // a connection held to the end of the request would be one fewer for every other request
            assertFalse(SmtpKey.getSession().unwrap(SharedSessionContractImplementor.class).getJdbcCoordinator()
                    .getLogicalConnection().isPhysicallyConnected());
        } finally {
            request.terminate();
        }
    }

    @Test
    void theServerShownIsTheOneEachRequestAskedFor() {
        // the page is built by one bean for the application: the request must be each request's own
        for (String host : List.of("mail-a.example.test", "mail-b.example.test", "mail-a.example.test")) {
            Document page = html(given().cookies(session.copyCookies())
                    .header("Host", host).get(HOME).then().statusCode(200).extract().response());
            assertEquals(host, page.getElementById("smtp-host").text());
        }
    }

    @Test
    void everyRelayPortIsShownWithItsSecurity() {
        Document page = html(session.get(HOME).then().statusCode(200).extract().response());
        List<SmtpEndpoint.Port> ports = endpoint.ports();
        assertEquals(2, ports.size(), "the test relay runs a STARTTLS and an implicit-TLS listener: " + ports);
        var items = page.select("#smtp-ports li");
        assertEquals(ports.size(), items.size());
        for (int i = 0; i < ports.size(); i++) {
            SmtpEndpoint.Port port = ports.get(i);
            assertTrue(port.number() > 0, "the relay's bound port, not the configured 0");
            assertEquals(String.valueOf(port.number()), items.get(i).selectFirst("code").text());
            String expected = port.security() == SmtpEndpoint.Security.STARTTLS ? "STARTTLS" : "SSL/TLS (implicit)";
            assertEquals(expected, items.get(i).selectFirst(".badge").text());
        }
        String german = html(session.language("de").get(HOME)).select("#smtp-ports").text();
        assertTrue(german.contains("SSL/TLS (implizit)"), german);
    }

    @Test
    void generatedKeyIsShownOnceAndWorksForVerify() {
        Response created = generate("Shop");
        created.then().statusCode(200).header("Cache-Control", containsString("no-store"));
        String secret = html(created).getElementById("new-key").val();
        assertTrue(KeySecret.isWellFormed(secret));
        assertTrue(keys.verify(owner.smtpLogin(), secret).isPresent());

        for (String path : List.of(HOME, HOME + "/new", "/settings/activity", "/settings/messages",
                HOME + "/" + keyId("Shop") + "/delete")) {
            session.get(path).then().body(not(containsString(secret)));
        }
        Document after = html(session.get(HOME));
        assertTrue(after.text().contains("Shop"));
        assertTrue(after.text().contains("••••••••" + secret.substring(50)));
    }

    @Test
    void invalidNamesAreRefusedWithTheirMessageAndTheTypedNameKept() {
        generate("Shop").then().statusCode(200);
        Map<String, String> cases = Map.of(
                "", "Please enter a name",
                "x".repeat(65), "at most 64 characters",
                "bad\nname", "control characters",
                "SHOP", "already exists",
                // the master key's old stored name: refused as taken, as when the master key held it
                "master PASSWORD", "already exists");
        cases.forEach((name, message) -> {
            Response answer = generate(name);
            answer.then().statusCode(400).body(containsString(message));
            Document page = html(answer);
            assertEquals("true", page.getElementById("key-name").attr("aria-invalid"));
            if (!name.contains("\n")) {
                assertEquals(name, page.getElementById("key-name").val());
            }
        });
        assertEquals(2, keyCount());
    }

    @Test
    void resubmittingTheSameFormCreatesOneKey() {
        String nonce = UUID.randomUUID().toString();
        session.post(HOME, "name", "CRM", "nonce", nonce).then().statusCode(200);
        Response again = session.post(HOME, "name", "CRM", "nonce", nonce);
        again.then().statusCode(303);
        assertEquals(2, keyCount());
        session.get(HOME).then().body(containsString("already sent"));
    }

    @Test
    void formWithoutCsrfTokenIsRejectedAndChangesNothing() {
        session.postRaw(HOME, Map.of("name", "NoToken", "nonce", UUID.randomUUID().toString())).then().statusCode(400);
        assertEquals(1, keyCount());
    }

    @Test
    void deactivateActivateAndDeleteTakeEffectOnVerify() {
        String secret = html(generate("App")).getElementById("new-key").val();
        long id = keyId("App");

        Document confirm = html(session.get(HOME + "/" + id + "/deactivate").then().statusCode(200).extract().response());
        assertTrue(confirm.text().contains("App"));
        session.post(HOME + "/" + id + "/deactivate").then().statusCode(303).header("Location", containsString(HOME));
        assertFalse(keys.verify(owner.smtpLogin(), secret).isPresent());
        Document page = html(session.get(HOME));
        assertTrue(page.text().contains("The key \"App\" was deactivated."));
        assertTrue(page.getElementById("key-" + id).text().contains("Inactive"));

        session.post(HOME + "/" + id + "/activate").then().statusCode(303);
        assertTrue(keys.verify(owner.smtpLogin(), secret).isPresent());

        assertTrue(html(session.get(HOME + "/" + id + "/delete")).text().contains("cannot be undone"));
        session.post(HOME + "/" + id + "/delete").then().statusCode(303);
        assertFalse(keys.verify(owner.smtpLogin(), secret).isPresent());
        assertEquals(1, keyCount());
        session.get(HOME + "/" + id + "/delete").then().statusCode(404);
    }

    @Test
    void theMasterKeyCanBeRevealedButNotDeleted() {
        Response revealed = session.post(HOME + "/master/reveal");
        revealed.then().statusCode(200).header("Cache-Control", containsString("no-store"));
        String master = html(revealed).getElementById("master-key").val();
        assertTrue(keys.verify(owner.smtpLogin(), master).isPresent());
        assertEquals(1, auditCount(AuditAction.MASTER_REVEALED));

        long masterId = masterId();
        session.post(HOME + "/" + masterId + "/delete").then().statusCode(303);
        session.get(HOME).then().body(containsString("cannot be deleted"));
        assertEquals(1, keyCount());

        session.post(HOME + "/" + masterId + "/deactivate").then().statusCode(303);
        assertFalse(keys.verify(owner.smtpLogin(), master).isPresent());
    }

    @Test
    void aConfirmationThatCannotApplyLeadsBackWithTheReason() {
        long masterId = masterId();
        session.get(HOME + "/" + masterId + "/delete").then().statusCode(303);
        session.get(HOME).then().body(containsString("cannot be deleted"));
        session.get(HOME + "/" + masterId + "/activate").then().statusCode(303);
        session.get(HOME).then().body(containsString("already active"));
    }

    @Test
    void anotherAccountsKeyIsNotFoundForEveryAction() {
        TestAccounts.Created other = accounts.create();
        WebSession otherSession = WebSession.signIn(other.email(), TestAccounts.PASSWORD);
        html(otherSession.post(HOME, "name", "Theirs", "nonce", UUID.randomUUID().toString()));
        long theirs = QuarkusTransaction.requiringNew().call(() ->
                SmtpKey.<SmtpKey>find("account.id = ?1 and name = 'Theirs'", other.accountId()).firstResult().id);

        for (String action : List.of("deactivate", "activate", "delete")) {
            session.get(HOME + "/" + theirs + "/" + action).then().statusCode(404);
            session.post(HOME + "/" + theirs + "/" + action).then().statusCode(404);
        }
        session.get(HOME + "/999999999/delete").then().statusCode(404);
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() -> SmtpKey.count("account.id", other.accountId())));
    }

    @Test
    void aStaleConfirmationIsRefusedAsChangedMeanwhile() {
        html(generate("Stale"));
        long id = keyId("Stale");
        session.post(HOME + "/" + id + "/deactivate", "version", "0").then().statusCode(303);
        // the activate button of a page shown before that deactivation: the key has moved on
        session.post(HOME + "/" + id + "/activate", "version", "0").then().statusCode(303);
        session.get(HOME).then().body(containsString("changed meanwhile"));
        assertTrue(html(session.get(HOME)).getElementById("key-" + id).text().contains("Inactive"));
        assertEquals(0, auditCount(AuditAction.KEY_ACTIVATED));
    }

    @Test
    void everyChangeWritesOneAuditEvent() {
        html(generate("Audited"));
        long id = keyId("Audited");
        session.post(HOME + "/" + id + "/deactivate");
        session.post(HOME + "/" + id + "/activate");
        session.post(HOME + "/" + id + "/delete");
        assertEquals(1, auditCount(AuditAction.KEY_GENERATED));
        assertEquals(1, auditCount(AuditAction.KEY_DEACTIVATED));
        assertEquals(1, auditCount(AuditAction.KEY_ACTIVATED));
        assertEquals(1, auditCount(AuditAction.KEY_DELETED));
        AuditEvent deleted = QuarkusTransaction.requiringNew().call(() -> AuditEvent
                .<AuditEvent>find("account.id = ?1 and action = ?2", owner.accountId(), AuditAction.KEY_DELETED).firstResult());
        assertEquals("Audited", deleted.keyName);
        assertEquals(owner.email(), deleted.actorEmail);
        assertEquals("user", deleted.actorRole);
        assertTrue(deleted.ip != null && !deleted.ip.isBlank());
    }

    @Test
    void pagesFollowTheBrowserLanguageAndTheUsersChoice() {
        WebSession german = WebSession.signIn(owner.email(), TestAccounts.PASSWORD).language("de");
        german.get(HOME).then().body(containsString("SMTP-Schlüssel")).body(containsString("lang=\"de\""))
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*<time [^>]*>\\d{2}\\.\\d{2}\\.\\d{4}</time>.*"));
        session.get(HOME).then().body(containsString("lang=\"en\""));

        session.post("/language", "locale", "de").then().statusCode(303);
        session.get(HOME).then().body(containsString("Master-Passwort"));
        // the choice is stored on the user: a new browser session in English still gets German
        WebSession.signIn(owner.email(), TestAccounts.PASSWORD).get(HOME).then().body(containsString("Master-Passwort"));
    }

    private Response generate(String name) {
        return session.post(HOME, "name", name, "nonce", UUID.randomUUID().toString());
    }

    private long keyCount() {
        return QuarkusTransaction.requiringNew().call(() -> SmtpKey.count("account.id", owner.accountId()));
    }

    private long masterId() {
        return QuarkusTransaction.requiringNew().call(() -> SmtpKey
                .<SmtpKey>find("account.id = ?1 and master = true", owner.accountId()).firstResult().id);
    }

    private long keyId(String name) {
        return QuarkusTransaction.requiringNew().call(() -> SmtpKey
                .<SmtpKey>find("account.id = ?1 and name = ?2", owner.accountId(), name).firstResult().id);
    }

    private long auditCount(AuditAction action) {
        return QuarkusTransaction.requiringNew().call(() ->
                AuditEvent.count("account.id = ?1 and action = ?2", owner.accountId(), action));
    }

    private static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    /** {@code connection}, counting the statements made on it. */
    private static Connection counting(Connection connection, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(KeysPageTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
