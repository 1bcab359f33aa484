package dev.smtpkeys.relay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import dev.smtpkeys.sending.SendingQuota;

/**
 * One mail transaction of an authenticated session: counts it against the account's sending limits
 * at MAIL FROM, checks the envelope, spools DATA within the limits (never the whole message in the
 * heap), refuses bare line feeds, and answers 250 only once the message is committed to the queue.
 */
final class RelayMessageHandler implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(RelayMessageHandler.class);

    /** What every mail transaction of one relay needs; built once, by {@link RelayListeners}. */
    record Intake(int maxRecipients, int maxMessageSize, String hostname, MessageQueue queue, KeyUsage usage,
            RelayMetrics metrics, InflightBudget budget, Path spoolDir, SendingQuota quota) {
    }

    private final Intake intake;
    private final Session session;
    private final VerifiedKey key;
    private final List<String> recipients = new ArrayList<>();
    private String from;
    private MailParameters parameters;
    private InflightBudget.Hold hold;
    private RelayDrain drain;
    /** This message's place in the account's sending counts, until it is acknowledged (then null). */
    private SendingQuota.Reservation reservation;

    RelayMessageHandler(Intake intake, Session session, VerifiedKey key) {
        this.intake = intake;
        this.session = session;
        this.key = key;
    }

    /** Called by {@link RelayMailCommand} once the transaction has started: it owns these until {@link #done()}. */
    void begin(MailParameters mail, InflightBudget.Hold share, RelayDrain transactions) {
        this.parameters = mail;
        this.hold = share;
        this.drain = transactions;
    }

    @Override
    public void from(String address) throws RejectException {
        if (address.isEmpty()) {
            throw new RejectException(553, "5.1.7 A sender address is required");
        }
        if (!RawMessage.isValidMailbox(address)) {
            throw new RejectException(501, "5.1.7 Bad sender address syntax");
        }
        reservation = reserve();
        this.from = address;
    }

    /**
     * Counts the message against the account's sending limits at MAIL FROM, so a client over them learns
     * before it sends the body: {@code 451 4.7.1} for the rate (temporary: an MTA retries within the
     * next minute), {@code 550 5.7.1} for the day (permanent, as Gmail's {@code 550 5.4.5}: waiting
     * minutes would not help). README, "Sending limits", says why these codes.
     */
    private SendingQuota.Reservation reserve() throws RejectException {
        try {
            return intake.quota().reserve(key.accountId());
        } catch (SendingQuota.OverLimitException e) {
            SendingQuota.Refusal refusal = e.refusal();
            intake.metrics().message("rejected", refusal.daily() ? "daily-quota" : "rate-limit");
            if (refusal.daily()) {
                throw new RejectException(550, "5.7.1 Daily sending quota exceeded: " + refusal.limit()
                        + " messages per day for this account; it resets at 00:00 UTC");
            }
            throw new RejectException(451, "4.7.1 Sending rate limit exceeded: " + refusal.limit()
                    + " messages per minute for this account, try again in "
                    + Math.max(refusal.retryAfter().toSeconds(), 1) + " s");
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("could not count a message of account %d: %s %s", key.accountId(), e.getClass().getName(),
                    e instanceof SQLException sql ? sql.getSQLState() : "");
            throw new RejectException(451, "4.3.0 Cannot take the message right now, try again later");
        }
    }

    @Override
    public void recipient(String address) throws RejectException {
        if (recipients.size() >= intake.maxRecipients()) {
            throw new RejectException(452, "4.5.3 Too many recipients");
        }
        try {
            parameters.checkAddress(address);
        } catch (MailParameters.Refused e) {
            throw new RejectException(e.code(), e.getMessage());
        }
        if (!RawMessage.isValidMailbox(address)) {
            throw new RejectException(501, "5.1.3 Bad recipient address syntax");
        }
        recipients.add(address);
    }

    @Override
    public String data(InputStream in) throws RejectException, IOException {
        try (MessageSpool spool = new MessageSpool(intake.spoolDir(), hold)) {
            switch (spool.read(in, intake.maxMessageSize())) {
                case TOO_LARGE -> throw reject("too-large", 552, "5.3.4 Message size exceeds fixed maximum message size");
                case BARE_LINE_ENDING -> throw reject("bare-lf", 554,
                        "5.6.0 Message refused: lines must end with CRLF, bare CR or LF found");
                case NO_STORAGE -> throw reject("no-storage", 452, "4.3.1 Insufficient system storage");
                case COMPLETE -> {
                    return enqueue(spool);
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private String enqueue(MessageSpool spool) throws IOException, RejectException {
        byte[] header = receivedHeader();
        long size = header.length + spool.size();
        OptionalLong id;
        try (InputStream raw = new SequenceInputStream(new ByteArrayInputStream(header), spool.open())) {
            id = intake.queue().enqueue(new MessageQueue.Incoming(key, ip(), from, List.copyOf(recipients),
                    RawMessage.subject(spool.head()), parameters.smtputf8(), (int) size, raw));
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
        reservation = null;
        intake.metrics().message("accepted", "queued");
        intake.usage().messageAccepted(key.keyId(), ip());
        return "2.0.0 Ok: queued as " + id.getAsLong();
    }

    /**
     * The end of every transaction (also of a session cut off): gives back its budget share and drain
     * place, and its sending count unless the message was acknowledged.
     */
    @Override
    public void done() {
        if (reservation != null) {
            release(reservation);
            reservation = null;
        }
        if (hold != null) {
            hold.release();
        }
        if (drain != null) {
            drain.leave();
            drain = null;
        }
    }

    /** Gives back the place of a message that was not acknowledged; a failure leaves it counted (on the safe side). */
    private void release(SendingQuota.Reservation taken) {
        try {
            intake.quota().release(taken);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("could not give back the sending count of account %d: %s", taken.accountId(), e.getClass().getName());
        }
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

    /** RFC 5321 §4.4, with the protocol names of RFC 3848 and RFC 6531 (UTF8SMTPSA for SMTPUTF8 over TLS). */
    private byte[] receivedHeader() {
        String helo = session.getHelo().orElse("unknown").replaceAll("[^A-Za-z0-9.:\\[\\]-]", "");
        String protocol = (parameters.smtputf8() ? "UTF8SMTP" : "ESMTP") + (session.isTLSStarted() ? "S" : "") + "A";
        String header = "Received: from " + (helo.isEmpty() ? "unknown" : helo) + " ([" + ip() + "])\r\n"
                + "\tby " + intake.hostname() + " with " + protocol + " id " + session.getSessionId() + ";\r\n"
                + "\t" + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now()) + "\r\n";
        return header.getBytes(StandardCharsets.US_ASCII);
    }
}
