package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smtpkeys.keys.KeySecret;
import dev.smtpkeys.support.RelayFixtures;
import dev.smtpkeys.support.SmtpTestClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PROXY protocol v1 and v2 with hand-made headers, on listeners configured for it, from a trusted
 * balancer (127.0.0.1 here): the limits, the AUTH throttle, the Received header, the last-used IP and
 * the queue see the real client. Anyone else is refused.
 */
@QuarkusTest
class ProxyProtocolTest extends OwnRelayTest {

    private RelayListeners relay;

    @BeforeEach
    void start() {
        relay = TestRelays.start(server, config, "trustedProxies", Optional.of(List.of("127.0.0.1", "::1/128")),
                "maxConnectionsPerClient", 2,
                "listeners", Map.of("lb", TestRelays.listener(RelayConfig.TlsMode.STARTTLS, true),
                        "lbtls", TestRelays.listener(RelayConfig.TlsMode.IMPLICIT, true)));
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    @Test
    void aV1HeaderMakesTheRealClientTheSessionsAddressEverywhere() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        fixtures.flushUsage();
        long id;
        try (SmtpTestClient client = proxied("PROXY TCP4 203.0.113.7 192.0.2.10 40001 25\r\n".getBytes(StandardCharsets.US_ASCII))) {
            client.ehlo();
            assertEquals(235, client.authPlain(key.login(), key.secret()).code());
            id = RelayFixtures.queuedId(client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("v1")));
        }
        RelayFixtures.Stored stored = fixtures.stored(id);
        assertEquals("203.0.113.7", stored.clientIp());
        assertTrue(new String(stored.rawMime(), StandardCharsets.US_ASCII).startsWith("Received: from client.example ([203.0.113.7])"));
        fixtures.flushUsage();
        assertEquals("203.0.113.7", fixtures.load(key).lastUsedIp);
    }

    @Test
    void aV2HeaderWithAnIpv6ClientAndALongTlvIsRead() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        // 36 address bytes and a 95-byte NOOP TLV: 131 bytes, a length SubEthaSMTP's own parser misreads
        byte[] header = v2(0x21, 0x21, ByteBuffer.allocate(36 + 3 + 92)
                .put(InetAddress.getByName("2001:db8::7").getAddress()).put(InetAddress.getByName("2001:db8::1").getAddress())
                .putShort((short) 50000).putShort((short) 25).put((byte) 0x04).putShort((short) 92).put(new byte[92]).array());
        long id;
        try (SmtpTestClient client = proxied(header)) {
            client.ehlo();
            assertEquals(235, client.authPlain(key.login(), key.secret()).code());
            id = RelayFixtures.queuedId(client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("v2")));
        }
        assertEquals(InetAddress.getByName("2001:db8::7").getHostAddress(), fixtures.stored(id).clientIp());
    }

    @Test
    void theBalancersHealthCheckIsServedAndNotCountedAsAClient() throws IOException {
        byte[] local = v2(0x20, 0x00, new byte[0]);
        // more at once than one client may hold (2 here)
        try (SmtpTestClient a = proxied(local); SmtpTestClient b = proxied(local); SmtpTestClient c = proxied(local);
                SmtpTestClient d = proxied("PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII))) {
            for (SmtpTestClient check : List.of(a, b, c, d)) {
                assertEquals(250, check.command("NOOP").code());
            }
        }
    }

    @Test
    void perClientLimitsCountTheRealClientNotTheBalancer() throws IOException {
        byte[] a = v1("198.51.100.30");
        try (SmtpTestClient first = proxied(a); SmtpTestClient second = proxied(a);
                SmtpTestClient third = SmtpTestClient.connect(relay.port("lb"))) {
            third.write(a);
            assertEquals(421, third.read().code());
            try (SmtpTestClient other = proxied(v1("198.51.100.31"))) {
                assertEquals(250, other.command("NOOP").code());
            }
        }
    }

    @Test
    void theAuthThrottleCountsTheRealClient() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        byte[] attacker = v1("198.51.100.23");
        SmtpTestClient.Reply last = null;
        for (int session = 0; session < 2; session++) {
            try (SmtpTestClient client = proxied(attacker)) {
                client.ehlo();
                for (int i = 0; i < 5; i++) {
                    last = client.authPlain(key.login(), KeySecret.generate());
                }
            }
        }
        assertEquals(421, last.code(), "the tenth failure blocks the client");
        try (SmtpTestClient blocked = SmtpTestClient.connect(relay.port("lb"))) {
            blocked.write(attacker);
            assertTrue(blocked.read().text().startsWith("4.7.0 Too many failed authentications"));
        }
        try (SmtpTestClient other = proxied(v1("198.51.100.24"))) {
            other.ehlo();
            assertEquals(235, other.authPlain(key.login(), key.secret()).code());
        }
    }

    @Test
    void implicitTlsFollowsTheHeader() throws IOException {
        RelayFixtures.Key key = fixtures.newAccountWithKey("Shop");
        long id;
        try (SmtpTestClient client = SmtpTestClient.connect(relay.port("lbtls"))) {
            client.write(v1("203.0.113.8"));
            client.handshake();
            assertEquals(220, client.read().code());
            assertFalse(client.ehlo().text().contains("STARTTLS"));
            assertEquals(235, client.authPlain(key.login(), key.secret()).code());
            id = RelayFixtures.queuedId(client.send("shop@example.org", List.of("a@example.net"), RelayFixtures.message("tls")));
        }
        RelayFixtures.Stored stored = fixtures.stored(id);
        assertEquals("203.0.113.8", stored.clientIp());
        assertTrue(new String(stored.rawMime(), StandardCharsets.US_ASCII).contains(" with ESMTPSA id "));
    }

    @Test
    void aHeaderFromAnUntrustedAddressIsRefused() throws IOException {
        try (SmtpTestClient client = SmtpTestClient.connect(relay.port("lb"), RelayFixtures.freshIp())) {
            client.write(v1("203.0.113.9"));
            SmtpTestClient.Reply reply = client.read();
            assertEquals(421, reply.code());
            assertTrue(reply.text().startsWith("4.7.0"));
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void aMalformedHeaderIsRefusedAndAPortWithoutProxyTakesNone() throws IOException {
        try (SmtpTestClient client = SmtpTestClient.connect(relay.port("lb"))) {
            client.write("EHLO client.example\r\n");
            assertEquals("421 4.7.0 Malformed PROXY protocol header", client.read().toString());
        }
        try (SmtpTestClient plain = SmtpTestClient.open(relay.port("smtp"), RelayFixtures.freshIp())) {
            assertEquals(500, plain.command("PROXY TCP4 203.0.113.7 192.0.2.10 40001 25").code());
        }
    }

    private SmtpTestClient proxied(byte[] header) throws IOException {
        SmtpTestClient client = SmtpTestClient.connect(relay.port("lb"));
        client.write(header);
        SmtpTestClient.Reply greeting = client.read();
        if (!greeting.is(220)) {
            client.close();
            throw new AssertionError("no greeting: " + greeting);
        }
        return client;
    }

    private static byte[] v1(String client) {
        return ("PROXY TCP4 " + client + " 192.0.2.10 40001 25\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A v2 header: signature, version/command, family/protocol, length, then {@code data}. */
    private static byte[] v2(int versionCommand, int family, byte[] data) {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        header.write(versionCommand);
        header.write(family);
        header.write(data.length >> 8);
        header.write(data.length & 0xff);
        header.writeBytes(data);
        return header.toByteArray();
    }
}
