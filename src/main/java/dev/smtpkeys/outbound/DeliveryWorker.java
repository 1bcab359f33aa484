package dev.smtpkeys.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.jboss.logging.Logger;

import dev.smtpkeys.outbound.RecipientResults.Result;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * Hands claimed messages to the upstream smarthost over one connection, reused for the whole batch
 * ({@link DeliveryDispatcher} runs several of these side by side). Several instances never take the same
 * message ({@link DeliveryClaims}); a worker that dies mid-send leaves its rows to be taken again after
 * the lease (at-least-once, as with any MTA). Each recipient has its own outcome: the others are sent
 * when the smarthost refuses one; a temporary refusal is retried for that recipient alone with
 * exponential backoff, a permanent {@code 5xx} or the end of the message's lifetime ends it with a
 * {@link DeliveryError} the customer may read.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final OutboundConfig.Upstream upstream;
    private final OutboundConfig.Delivery delivery;
    private final DeliveryClaims claims;
    private final OutboundMetrics metrics;

    DeliveryWorker(OutboundConfig config, DeliveryClaims claims, OutboundMetrics metrics) {
        this.upstream = config.upstream();
        this.delivery = config.delivery();
        this.claims = claims;
        this.metrics = metrics;
    }

    /**
     * A claimed message, without its body; {@code token} tells this claim from a later one of the same
     * message. {@code storedResults} runs parallel to {@code recipients} (null: none tried yet).
     * {@code smtputf8}: its sender declared SMTPUTF8 (RFC 6531).
     */
    record Claimed(long id, UUID token, String from, String[] recipients, String[] storedResults, int attempts,
            Instant receivedAt, boolean smtputf8) {

        /** The indexes of the recipients still to be tried. */
        int[] pending() {
            List<Integer> pending = new ArrayList<>();
            for (int i = 0; i < recipients.length; i++) {
                if (storedResults == null || storedResults[i] == null
                        || storedResults[i].startsWith(RecipientResults.State.QUEUED.name())) {
                    pending.add(i);
                }
            }
            return pending.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Each recipient's stored outcome so far (null where there is none). */
        Result[] results() {
            Result[] parsed = new Result[recipients.length];
            for (int i = 0; storedResults != null && i < parsed.length; i++) {
                parsed[i] = Result.parse(storedResults[i]);
            }
            return parsed;
        }

        @Override
        public String toString() {
            return "Claimed[" + id + "]";
        }
    }

    /** Takes up to {@code limit} due messages for this worker; none of them can be taken by another. */
    List<Claimed> claim(int limit) {
        return claims.claim(limit);
    }

    /** Sends {@code batch} over one upstream connection, each message only while its claim holds. */
    void deliver(List<Claimed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (UpstreamClient client = new UpstreamClient(upstream)) {
            deliver(client, batch);
        }
    }

    /** Sends {@code batch} over {@code client}, then writes the outcomes together. */
    void deliver(UpstreamClient client, List<Claimed> batch) {
        List<DeliveryClaims.Finished> finished = new ArrayList<>(batch.size());
        for (Claimed message : batch) {
            byte[] body = claims.body(message);
            if (body == null) {
                LOG.infof("message %d was claimed by another worker after this one's lease ran out; skipped", message.id());
                metrics.delivery("reclaimed");
                continue;
            }
            finished.add(new DeliveryClaims.Finished(message, send(client, message, body)));
        }
        claims.finish(finished);
    }

    private MessageOutcome send(UpstreamClient client, Claimed message, byte[] body) {
        int[] pending = message.pending();
        List<String> tried = new ArrayList<>(pending.length);
        for (int index : pending) {
            tried.add(message.recipients()[index]);
        }
        // those that need SMTPUTF8 where the smarthost does not offer it: returned without a try
        boolean[] returned = new boolean[tried.size()];
        Exception failure = null;
        try {
            SMTPMessage mime = client.message(message.from(), new SharedByteArrayInputStream(body));
            Transport transport = Smtputf8.route(client, message, body, tried, returned, mime);
            if (transport != null) {
                transport.sendMessage(mime, addresses(Smtputf8.kept(tried, returned)));
            }
        } catch (MessagingException | IllegalStateException e) {
            failure = e;
            if (!RecipientResults.onlyRecipientsRefused(e)) {
                client.forget();
            }
            // the full cause (it can name internal hosts) only here; the customer sees the code
            LOG.infof("message %d, try %d: %s", message.id(), message.attempts(), UpstreamClient.describe(e));
        }
        List<Result> results = new ArrayList<>(tried.size());
        List<Result> sent = RecipientResults.of(Smtputf8.kept(tried, returned), failure);
        for (int i = 0, next = 0; i < returned.length; i++) {
            results.add(returned[i] ? new Result(RecipientResults.State.FAILED, DeliveryError.smtputf8Unsupported())
                    : sent.get(next++));
        }
        Instant now = Instant.now();
        boolean expired = now.isAfter(message.receivedAt().plus(delivery.lifetime()));
        MessageOutcome outcome = MessageOutcome.decide(message, results, now, expired,
                backoff(message.attempts()));
        metrics.delivery(switch (outcome.status()) {
            case SENT -> "sent";
            case FAILED -> "failed";
            default -> "retry";
        });
        return outcome;
    }

    private static Address[] addresses(List<String> recipients) throws AddressException {
        Address[] to = new Address[recipients.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(recipients.get(i), false);
        }
        return to;
    }

    /** The wait before try {@code attempts + 1}: the initial wait, doubled per earlier failure, capped. */
    Duration backoff(int attempts) {
        Duration wait = delivery.retryInitial();
        for (int i = 1; i < attempts && wait.compareTo(delivery.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(delivery.retryMax()) > 0 ? delivery.retryMax() : wait;
    }
}
