package dev.smtpkeys.relay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of the SMTP relay's intake: listeners, limits, TLS, AUTH throttling. The upstream and the
 * delivery ({@code smtpkeys.relay.upstream.*}, {@code smtpkeys.relay.delivery.*}) are
 * {@link dev.smtpkeys.outbound.OutboundConfig}'s, under the same prefix.
 */
@ConfigMapping(prefix = "smtpkeys.relay")
public interface RelayConfig {

    /** Whether the relay listens at all. */
    @WithDefault("true")
    boolean enabled();

    /** The port of the listener named {@code smtp} (STARTTLS) unless that one sets its own; 0 picks a free one (tests). */
    @WithDefault("2525")
    @Min(0)
    @Max(65535)
    int port();

    /** The ports the relay listens on, by name; {@code smtp} always exists (on {@link #port()} unless set). */
    Map<String, Listener> listeners();

    /** Addresses and CIDR ranges (e.g. {@code 10.0.0.0/8}) whose PROXY protocol headers are believed. */
    Optional<List<String>> trustedProxies();

    /** The host name customers are told to use; defaults to the host the web page was opened with. */
    Optional<String> publicHost();

    /** The port customers are told to use, when a proxy or NAT maps another one onto the relay. */
    Optional<Integer> publicPort();

    /** The name in the greeting and in Received headers; defaults to the public host, else {@code localhost}. */
    Optional<String> hostname();

    /** Whether AUTH is accepted before STARTTLS. Only for dev and tests: it sends keys in clear text. */
    @WithDefault("false")
    boolean allowPlaintextAuth();

    /** The largest message accepted, in bytes (advertised as SIZE). */
    @WithDefault("10485760")
    @Min(1024)
    int maxMessageSize();

    @WithDefault("100")
    @Min(1)
    int maxRecipients();

    /** Concurrent SMTP sessions on all listeners together. */
    @WithDefault("200")
    @Min(1)
    int maxConnections();

    /** Concurrent sessions not yet authenticated, all listeners together: the rest is kept for senders. */
    @WithDefault("100")
    @Min(1)
    int maxUnauthenticated();

    /** Concurrent sessions from one client: an IPv4 address or an IPv6 /64. */
    @WithDefault("20")
    @Min(1)
    int maxConnectionsPerClient();

    /** New connections per minute from one client; a session that authenticates gives its one back. */
    @WithDefault("60")
    @Min(1)
    int connectionRatePerClient();

    /** How long a session may wait for the client's next line before AUTH. */
    @WithDefault("20S")
    Duration preAuthTimeout();

    /** How long a session may last in all before AUTH, however busy it keeps itself. */
    @WithDefault("60S")
    Duration preAuthDeadline();

    /** Commands a session may send before AUTH. */
    @WithDefault("10")
    @Min(1)
    int preAuthCommands();

    /** Message bytes being received at once, all sessions together; beyond it DATA is answered 452 4.3.1. */
    @WithDefault("512M")
    MemorySize maxInflightBytes();

    /** Where message bodies beyond the first 64 KB wait until they are stored; the system's temp directory if unset. */
    Optional<String> spoolDir();

    /** Whether EHLO offers SMTPUTF8 (internationalized addresses, RFC 6531). */
    @WithDefault("true")
    boolean smtputf8();

    /** On shutdown, how long a message being received may take to finish before the relay stops anyway. */
    @WithDefault("20S")
    Duration drainTimeout();

    /** How often gathered last-use data of keys is written (at most one write per key per interval). */
    @WithDefault("60S")
    Duration lastUsedFlushInterval();

    /** How long an authenticated session may wait for the client's next line. */
    @WithDefault("5M")
    Duration idleTimeout();

    Tls tls();

    Throttle throttle();

    /** One listening port. */
    interface Listener {

        @WithDefault("true")
        boolean enabled();

        /** Required except for {@code smtp}; 0 picks a free one (tests). */
        OptionalInt port();

        @WithDefault("starttls")
        TlsMode tls();

        /** Whether every connection starts with a PROXY protocol header (v1 or v2) from a trusted proxy. */
        @WithDefault("false")
        boolean proxyProtocol();

        /** The port customers are told to use for this one, when a balancer maps another port onto it. */
        OptionalInt publicPort();
    }

    /** How a listener starts TLS: on the client's STARTTLS, or from the first byte (RFC 8314). */
    enum TlsMode { STARTTLS, IMPLICIT }

    /** The certificate for STARTTLS and implicit TLS. */
    interface Tls {

        /** A PKCS#12 or JKS keystore file with the server's key and certificate. */
        Optional<String> keystore();

        Optional<String> keystorePassword();

        /** Without a keystore, make a self-signed certificate at start (dev, test, the compose demo). */
        @WithDefault("false")
        boolean selfSigned();
    }

    /** Failed AUTH per client IP: {@code maxFailures} within {@code window} blocks the IP for {@code block}. */
    interface Throttle {

        @WithDefault("10")
        @Min(1)
        int maxFailures();

        @WithDefault("5M")
        Duration window();

        @WithDefault("15M")
        Duration block();
    }
}
