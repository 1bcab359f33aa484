package dev.smtpkeys.keys;

/**
 * Where customers send mail with their keys, as the SMTP tab shows it. Owned here and answered by the
 * relay, which the key feature may not use.
 */
public interface SmtpEndpoint {

    /** The host to configure; {@code requestHost} is the host the page was opened with (may be null). */
    String host(String requestHost);

    /** The port to configure. */
    int port();
}
