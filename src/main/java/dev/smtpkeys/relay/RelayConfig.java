package dev.smtpkeys.relay;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of the SMTP relay's intake: listener, limits, TLS, AUTH throttling. The upstream and the
 * delivery ({@code smtpkeys.relay.upstream.*}, {@code smtpkeys.relay.delivery.*}) are
 * {@link dev.smtpkeys.outbound.OutboundConfig}'s, under the same prefix.
 */
@ConfigMapping(prefix = "smtpkeys.relay")
public interface RelayConfig {

    /** Whether the relay listens at all. */
    @WithDefault("true")
    boolean enabled();

    /** The port the relay listens on; 0 picks a free one (tests). */
    @WithDefault("2525")
    @Min(0)
    @Max(65535)
    int port();

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

    /** Concurrent SMTP sessions; each may hold a message of up to {@link #maxMessageSize()} in memory. */
    @WithDefault("200")
    @Min(1)
    int maxConnections();

    /** How often gathered last-use data of keys is written (at most one write per key per interval). */
    @WithDefault("60S")
    Duration lastUsedFlushInterval();

    /** How long a session may wait for the client's next line. */
    @WithDefault("5M")
    Duration idleTimeout();

    Tls tls();

    Throttle throttle();

    /** The STARTTLS certificate. */
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
