package dev.smtpkeys.relay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.jboss.logging.Logger;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

import dev.smtpkeys.keys.VerifiedKey;
import dev.smtpkeys.outbound.MessageQueue;

/**
 * One mail transaction of an authenticated session: checks the envelope, reads DATA within the
 * limits, refuses bare line feeds, and answers 250 only once the message is committed to the queue.
 */
final class RelayMessageHandler implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(RelayMessageHandler.class);

    /** What every mail transaction of one relay server needs; built once, by {@link RelayServer}. */
    record Intake(int maxRecipients, int maxMessageSize, String hostname, MessageQueue queue, KeyUsage usage,
            RelayMetrics metrics) {
    }

    private final Intake intake;
    private final Session session;
    private final VerifiedKey key;
    private final List<String> recipients = new ArrayList<>();
    private String from;

    RelayMessageHandler(Intake intake, Session session, VerifiedKey key) {
        this.intake = intake;
        this.session = session;
        this.key = key;
    }

    @Override
    public void from(String address) throws RejectException {
        if (address.isEmpty()) {
            throw new RejectException(553, "5.1.7 A sender address is required");
        }
        if (!RawMessage.isValidMailbox(address)) {
            throw new RejectException(501, "5.1.7 Bad sender address syntax");
        }
        this.from = address;
    }

    @Override
    public void recipient(String address) throws RejectException {
        if (recipients.size() >= intake.maxRecipients()) {
            throw new RejectException(452, "4.5.3 Too many recipients");
        }
        if (!RawMessage.isValidMailbox(address)) {
            throw new RejectException(501, "5.1.3 Bad recipient address syntax");
        }
        recipients.add(address);
    }

    @Override
    public String data(InputStream in) throws RejectException, IOException {
        // the stream is always read to its end before any answer, so no message line is ever taken as a command
        byte[] body = RawMessage.readAtMost(in, intake.maxMessageSize());
        if (body == null) {
            throw reject("too-large", 552, "5.3.4 Message size exceeds fixed maximum message size");
        }
        if (!RawMessage.hasOnlyCrlfLineEndings(body)) {
            throw reject("bare-lf", 554, "5.6.0 Message refused: lines must end with CRLF, bare CR or LF found");
        }
        byte[] raw = withReceivedHeader(body);
        MessageQueue.Incoming message = new MessageQueue.Incoming(key, ip(), from, List.copyOf(recipients),
                RawMessage.subject(body), raw);
        OptionalLong id;
        try {
            id = intake.queue().enqueue(message);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("could not queue a message of key %d: %s %s", key.keyId(), e.getClass().getName(),
                    e instanceof SQLException sql ? sql.getSQLState() : "");
            throw reject("unavailable", 451, "4.3.0 Cannot queue the message right now, try again later");
        }
        if (id.isEmpty()) {
            intake.metrics().message("rejected", "key-inactive");
            // the key was deactivated or deleted since AUTH: this session may send nothing more
            throw new DropConnectionException(535, KeyAuthCommand.INVALID);
        }
        intake.metrics().message("accepted", "queued");
        intake.usage().messageAccepted(key.keyId(), ip());
        return "2.0.0 Ok: queued as " + id.getAsLong();
    }

    @Override
    public void done() {
    }

    /** Ends the transaction as RFC 5321 wants after a failed DATA, so the next MAIL starts afresh. */
    private RejectException reject(String reason, int code, String text) {
        intake.metrics().message("rejected", reason);
        session.resetMailTransaction();
        return new RejectException(code, text);
    }

    private String ip() {
        return session.getRemoteAddress().getAddress().getHostAddress();
    }

    private byte[] withReceivedHeader(byte[] body) {
        String helo = session.getHelo().orElse("unknown").replaceAll("[^A-Za-z0-9.:\\[\\]-]", "");
        String header = "Received: from " + (helo.isEmpty() ? "unknown" : helo) + " ([" + ip() + "])\r\n"
                + "\tby " + intake.hostname() + " with " + (session.isTLSStarted() ? "ESMTPSA" : "ESMTPA")
                + " id " + session.getSessionId() + ";\r\n"
                + "\t" + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[head.length + body.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(body, 0, raw, head.length, body.length);
        return raw;
    }
}
