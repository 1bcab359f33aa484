package dev.smtpkeys.outbound;

import static dev.smtpkeys.support.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.subethamail.wiser.WiserMessage;

import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.SmarthostWithoutSmtputf8;
import dev.smtpkeys.support.TestAccounts;
import dev.smtpkeys.support.TestUpstream;
import dev.smtpkeys.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * SMTPUTF8 (RFC 6531) on the way out, as Postfix does it: passed on to a smarthost that offers it (the
 * run's {@link TestUpstream}); to one that does not ({@link SmarthostWithoutSmtputf8}), what is all ASCII still goes
 * and the rest is returned for good with {@code 5.6.7}; ASCII mail goes as it always did.
 */
@QuarkusTest
class Smtputf8DeliveryTest {

    private static final String FROM = "ü@bücher.example";
    private static final String TO = "δοκιμή@παράδειγμα.δοκιμή";
    private static final String RETURNED = "FAILED|SMTPUTF8_UNSUPPORTED|5.6.7 SMTPUTF8 is required, but was not offered by the smarthost";

    @Inject
    RelayFixtures fixtures;

    @Inject
    TestAccounts accounts;

    @Inject
    DeliveryWorker worker;

    @Inject
    OutboundConfig config;

    @Test
    void internationalizedAddressesArriveAsTheyWereWrittenWithSmtputf8() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String message = "From: Jörg <" + FROM + ">\r\nTo: " + TO + "\r\nSubject: Grüße\r\n\r\nHallo.\r\n";
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.command("MAIL FROM:<" + FROM + "> SMTPUTF8").code());
            assertEquals(250, client.command("RCPT TO:<" + TO + ">").code());
            assertEquals(354, client.command("DATA").code());
            RelayFixtures.queuedId(client.data(message));
        }
        waitFor(() -> fixtures.messages(key).get(0).status != MessageStatus.QUEUED
                && fixtures.messages(key).get(0).status != MessageStatus.SENDING);

        assertEquals(MessageStatus.SENT, fixtures.messages(key).get(0).status, fixtures.messages(key).get(0).lastError);
        List<WiserMessage> received = TestUpstream.messagesTo(TO);
        assertEquals(1, received.size());
        assertEquals(FROM, received.get(0).getEnvelopeSender());
        assertEquals("MAIL FROM:<" + FROM + "> SMTPUTF8", TestUpstream.mailLine(TO));
        String data = new String(received.get(0).getData(), StandardCharsets.UTF_8);
        assertTrue(data.endsWith(message), data);
    }

    @Test
    void aSenderWhoDeclaredSmtputf8KeepsItWithAsciiAddresses() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String to = "utf8-" + UUID.randomUUID() + "@example.net";
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.command("MAIL FROM:<shop@example.org> SMTPUTF8").code());
            assertEquals(250, client.command("RCPT TO:<" + to + ">").code());
            assertEquals(354, client.command("DATA").code());
            RelayFixtures.queuedId(client.data("From: shop@example.org\r\nSubject: Grüße\r\n\r\nHallo.\r\n"));
        }
        waitFor(() -> fixtures.messages(key).get(0).status == MessageStatus.SENT);

        assertEquals("MAIL FROM:<shop@example.org> SMTPUTF8", TestUpstream.mailLine(to));
        assertTrue(new String(TestUpstream.messagesTo(to).get(0).getData(), StandardCharsets.UTF_8).contains("\r\nSubject: Grüße\r\n"));
    }

    @Test
    void asciiMailWithoutSmtputf8GoesWithoutIt() throws Exception {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String to = "ascii-" + UUID.randomUUID() + "@example.net";
        try (SmtpTestClient client = fixtures.authenticated(key)) {
            assertEquals(250, client.send("shop@example.org", List.of(to), RelayFixtures.message("plain")).code());
        }
        waitFor(() -> fixtures.messages(key).get(0).status == MessageStatus.SENT);

        assertEquals("MAIL FROM:<shop@example.org>", TestUpstream.mailLine(to), "the smarthost offers SMTPUTF8, the message does not need it");
    }

    @Test
    void toASmarthostWithoutSmtputf8InternationalizedMailIsReturnedForEachRecipientAndNotRetried() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String other = "other-" + UUID.randomUUID() + "@example.net";
        String raw = "From: " + FROM + "\r\nTo: " + TO + "\r\nSubject: Grüße\r\n\r\nHallo.\r\n";
        try (SmarthostWithoutSmtputf8 plain = SmarthostWithoutSmtputf8.start()) {
            deliver(plain, key, FROM, List.of(TO, other), true, raw);

            assertTrue(plain.messagesTo(TO).isEmpty());
            assertTrue(plain.messagesTo(other).isEmpty(), "an envelope sender that is not ASCII cannot go without SMTPUTF8");
        }
        OutboundMessage message = fixtures.messages(key).get(0);
        assertEquals(MessageStatus.FAILED, message.status);
        assertEquals(1, message.attempts);
        assertArrayEquals(new String[] {RETURNED, RETURNED}, message.recipientResults);
        assertEquals(RETURNED.substring("FAILED|".length()), message.lastError);
    }

    @Test
    void toASmarthostWithoutSmtputf8AsciiMailGoesThoughItsSenderDeclaredSmtputf8() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String ascii = "ascii-" + UUID.randomUUID() + "@example.net";
        // ASCII envelope and headers, a UTF-8 body (8BITMIME): Postfix sends it on without SMTPUTF8
        String raw = "From: shop@example.org\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n\r\nGrüße.\r\n";
        try (SmarthostWithoutSmtputf8 plain = SmarthostWithoutSmtputf8.start()) {
            deliver(plain, key, "shop@example.org", List.of(ascii, TO), true, raw);

            assertEquals(1, plain.messagesTo(ascii).size());
            assertEquals("MAIL FROM:<shop@example.org>", plain.mailLine(ascii));
            assertTrue(new String(plain.messagesTo(ascii).get(0).getData(), StandardCharsets.UTF_8).endsWith(raw));
            assertTrue(plain.messagesTo(TO).isEmpty(), "that address needs SMTPUTF8");
        }
        OutboundMessage message = fixtures.messages(key).get(0);
        assertEquals(MessageStatus.SENT, message.status);
        assertEquals(1, message.attempts);
        assertArrayEquals(new String[] {"SENT", RETURNED}, message.recipientResults);
    }

    @Test
    void toASmarthostWithoutSmtputf8MailWithUtf8HeadersIsReturned() {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        String to = "headers-" + UUID.randomUUID() + "@example.net";
        try (SmarthostWithoutSmtputf8 plain = SmarthostWithoutSmtputf8.start()) {
            deliver(plain, key, "shop@example.org", List.of(to), true, "From: shop@example.org\r\nSubject: Grüße\r\n\r\nHallo.\r\n");

            assertTrue(plain.messagesTo(to).isEmpty());
        }
        OutboundMessage message = fixtures.messages(key).get(0);
        assertEquals(MessageStatus.FAILED, message.status);
        assertNull(message.recipientResults, "a single recipient's state is the message's");
        assertEquals(RETURNED.substring("FAILED|".length()), message.lastError);
    }

    @Test
    void theSentMailPageSaysWhyInBothLanguages() {
        TestAccounts.Created owner = accounts.create();
        RelayFixtures.Key key = fixtures.newKey(owner.accountId(), owner.smtpLogin(), "Shop");
        String raw = "From: " + FROM + "\r\nSubject: Grüße\r\n\r\nHallo.\r\n";
        try (SmarthostWithoutSmtputf8 plain = SmarthostWithoutSmtputf8.start()) {
            deliver(plain, key, FROM, List.of(TO, "b@example.net"), true, raw);
        }
        long id = fixtures.messages(key).get(0).id;

        WebSession session = WebSession.signIn(owner.email(), TestAccounts.PASSWORD);
        String why = "Not delivered: the address or headers need SMTPUTF8 (internationalized mail), which the mail server"
                + " does not offer (5.6.7).";
        assertEquals(List.of(TO + " refused " + why, "b@example.net refused " + why),
                Jsoup.parse(session.get("/settings/messages").asString()).select("#message-" + id + " .recipient-states li").eachText());
        String warum = "Nicht zugestellt: Adresse oder Kopfzeilen brauchen SMTPUTF8 (internationalisierte Mail), was der"
                + " Mailserver nicht anbietet (5.6.7).";
        assertEquals(List.of(TO + " abgelehnt " + warum, "b@example.net abgelehnt " + warum),
                Jsoup.parse(session.language("de").get("/settings/messages").asString())
                        .select("#message-" + id + " .recipient-states li").eachText());
    }

    /** Stores a message as a worker's claim holds it and delivers it once to {@code smarthost}. */
    private void deliver(SmarthostWithoutSmtputf8 smarthost, RelayFixtures.Key key, String from, List<String> to, boolean smtputf8,
            String raw) {
        UUID token = UUID.randomUUID();
        long id = fixtures.insertClaimed(key, from, to, smtputf8, raw, token);
        try (UpstreamClient client = new UpstreamClient(upstream(smarthost.port()))) {
            worker.deliver(client, List.of(new DeliveryWorker.Claimed(id, token, from, to.toArray(String[]::new), null, 1,
                    Instant.now(), smtputf8)));
        }
    }

    /** The run's upstream settings, pointed at {@code port} on this machine without TLS or login. */
    private OutboundConfig.Upstream upstream(int port) {
        OutboundConfig.Upstream run = config.upstream();
        return (OutboundConfig.Upstream) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {OutboundConfig.Upstream.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "host" -> Optional.of("127.0.0.1");
                    case "port" -> port;
                    case "tls" -> OutboundConfig.UpstreamTls.NONE;
                    case "username", "password" -> Optional.empty();
                    default -> method.invoke(run, args);
                });
    }
}
