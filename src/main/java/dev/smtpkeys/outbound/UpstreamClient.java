package dev.smtpkeys.outbound;

import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * One connection to the upstream smarthost through Angus Mail, reused for a batch of messages; a second
 * one, opened only when a message has a non-ASCII envelope address, writes its commands in UTF-8. Angus
 * reads {@code mail.mime.allowutf8} once per transport and then adds SMTPUTF8 to every MAIL FROM when
 * the smarthost offers it, so ASCII mail must not go over that one.
 */
final class UpstreamClient implements AutoCloseable {

    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\s\\p{Cntrl}]+");

    private final OutboundConfig.Upstream config;
    private final Session session;
    private final Session utf8Session;
    private Transport transport;
    private Transport utf8Transport;

    UpstreamClient(OutboundConfig.Upstream config) {
        this.config = config;
        Properties props = properties();
        this.session = Session.getInstance(props);
        // commands (the envelope) in UTF-8, and SMTPUTF8 on MAIL FROM where the smarthost offers it (RFC 6531)
        Properties utf8 = properties();
        utf8.put("mail.mime.allowutf8", "true");
        this.utf8Session = Session.getInstance(utf8);
    }

    private Properties properties() {
        String protocol = protocol();
        Properties props = new Properties();
        String prefix = "mail." + protocol + ".";
        String timeout = String.valueOf(config.timeout().toMillis());
        props.put(prefix + "host", config.host().orElseThrow());
        props.put(prefix + "port", String.valueOf(config.port()));
        props.put(prefix + "connectiontimeout", timeout);
        props.put(prefix + "timeout", timeout);
        props.put(prefix + "writetimeout", timeout);
        props.put(prefix + "auth", String.valueOf(config.username().isPresent()));
        props.put(prefix + "localhost", "smtp-keys");
        // a refused RCPT must not cost the other recipients their copy (RFC 5321 3.3): send to those taken
        props.put(prefix + "sendpartial", "true");
        if (config.tls() == OutboundConfig.UpstreamTls.STARTTLS) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
        }
        if (config.tls() != OutboundConfig.UpstreamTls.NONE) {
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    /** The open connection, (re)connecting when needed. */
    Transport connected() throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            close(transport);
            transport = connect(session);
        }
        return transport;
    }

    /** The open connection whose commands are UTF-8, for a non-ASCII envelope; (re)connecting when needed. */
    Transport connectedUtf8() throws MessagingException {
        if (utf8Transport == null || !utf8Transport.isConnected()) {
            close(utf8Transport);
            utf8Transport = connect(utf8Session);
        }
        return utf8Transport;
    }

    private Transport connect(Session from) throws MessagingException {
        Transport opened = from.getTransport(protocol());
        opened.connect(config.host().orElseThrow(), config.port(),
                config.username().orElse(null), config.password().orElse(null));
        return opened;
    }

    /** Whether the smarthost behind {@code connected} said SMTPUTF8 in its EHLO answer. */
    static boolean offersSmtputf8(Transport connected) {
        return connected instanceof SMTPTransport smtp && smtp.supportsExtension("SMTPUTF8");
    }

    /**
     * The message to send: the stored bytes unchanged, with the stored envelope sender. A shared stream
     * lets the message keep the body as a view of the loaded bytes instead of copying them. It always
     * belongs to the ASCII session, whose headers go out byte for byte as they were read (as ISO-8859-1
     * characters): the UTF-8 one would replace every byte that is not valid UTF-8.
     */
    SMTPMessage message(String envelopeFrom, SharedByteArrayInputStream raw) throws MessagingException {
        SMTPMessage message = new SMTPMessage(session, raw);
        message.setEnvelopeFrom(envelopeFrom);
        return message;
    }

    /** Drops the connections after an error, so the next message starts on a fresh one. */
    void forget() {
        close(transport);
        close(utf8Transport);
        transport = null;
        utf8Transport = null;
    }

    private static void close(Transport connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (MessagingException | RuntimeException ignored) {
                // it is being thrown away
            }
        }
    }

    @Override
    public void close() {
        forget();
    }

    /** Whether the upstream refused for good: a 5xx reply anywhere in the chain and no 4xx. */
    static boolean isPermanent(Exception e) {
        boolean permanent = false;
        for (Exception current = e; current != null; current = next(current)) {
            int code = code(current);
            if (code >= 400 && code < 500) {
                return false;
            }
            permanent |= code >= 500 && code < 600;
        }
        return permanent;
    }

    /**
     * The upstream's SMTP reply that decided the outcome (a 4xx when there is one, as the message is
     * then tried again), or empty when the upstream never answered with a reply code.
     */
    static Optional<String> reply(Exception e) {
        Exception chosen = null;
        for (Exception current = e; current != null; current = next(current)) {
            int code = code(current);
            if (code >= 400 && code < 500) {
                chosen = current;
                break;
            }
            if (code >= 500 && code < 600 && chosen == null) {
                chosen = current;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        return Optional.of(replyOf(chosen));
    }

    /** The one-line SMTP reply that {@code e} (an exception with a reply code) carries. */
    static String replyOf(Exception e) {
        String code = String.valueOf(code(e));
        String text = e.getMessage() == null ? "" : CONTROL_OR_SPACE.matcher(e.getMessage()).replaceAll(" ").strip();
        return text.startsWith(code) ? text : (code + " " + text).strip();
    }

    /** Every message in the chain, for the server log: may name internal hosts, never shown to customers. */
    static String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        for (Exception current = e; current != null; current = next(current)) {
            String message = current.getMessage() == null ? current.getClass().getSimpleName() : current.getMessage().strip();
            if (!text.isEmpty()) {
                text.append(" / ");
            }
            text.append(CONTROL_OR_SPACE.matcher(message).replaceAll(" "));
            if (text.length() > 1000) {
                break;
            }
        }
        return text.toString();
    }

    /** The SMTP reply code {@code e} carries, or -1. */
    static int code(Exception e) {
        if (e instanceof SMTPSendFailedException s) {
            return s.getReturnCode();
        }
        if (e instanceof SMTPAddressFailedException a) {
            return a.getReturnCode();
        }
        if (e instanceof SMTPSenderFailedException f) {
            return f.getReturnCode();
        }
        return -1;
    }

    static Exception next(Exception e) {
        return e instanceof MessagingException m && m.getNextException() != m ? m.getNextException() : null;
    }

    private String protocol() {
        return config.tls() == OutboundConfig.UpstreamTls.SMTPS ? "smtps" : "smtp";
    }
}
