package dev.smtpkeys.keys;

import java.util.List;

/**
 * Where customers send mail with their keys, as the SMTP tab shows it. Owned here and answered by the
 * relay, which the key feature may not use.
 */
public interface SmtpEndpoint {

    /** How a port protects the connection. */
    enum Security {
        /** Plain at first; the client upgrades with STARTTLS (587, 2525). */
        STARTTLS,
        /** TLS from the first byte, "SSL/TLS" in mail clients (465, RFC 8314). */
        IMPLICIT_TLS
    }

    /** One port customers may use, with its security. */
    record Port(int number, Security security) {
    }

    /** The host to configure; {@code requestHost} is the host the page was opened with (may be null). */
    String host(String requestHost);

    /** The port to configure when only one is shown: the first STARTTLS port. */
    int port();

    /** Every port customers may use, in ascending order. */
    List<Port> ports();
}
