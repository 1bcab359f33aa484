package dev.smtpkeys.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.smtpkeys.outbound.RecipientResults.Result;
import dev.smtpkeys.outbound.RecipientResults.State;

/**
 * What a try means for the whole message: a recipient refused for now keeps it QUEUED (for that one
 * alone); once none waits, it is SENT when any recipient got it, else FAILED. The recipients' states are
 * kept only for a message with several, a single one's is the message's.
 */
record MessageOutcome(MessageStatus status, Instant nextAttempt, DeliveryError error, String[] recipientResults) {

    /** {@code tried} are the outcomes of {@code message.pending()}, in order; {@code expired}: give up what waits. */
    static MessageOutcome decide(DeliveryWorker.Claimed message, List<Result> tried, Instant now, boolean expired,
            Duration backoff) {
        Result[] all = message.results();
        int[] pending = message.pending();
        for (int i = 0; i < pending.length; i++) {
            all[pending[i]] = tried.get(i);
        }
        DeliveryError waiting = null;
        DeliveryError failed = null;
        boolean anySent = false;
        for (int i = 0; i < all.length; i++) {
            if (all[i].state() == State.QUEUED && expired) {
                all[i] = new Result(State.FAILED, all[i].error().expired());
            }
            switch (all[i].state()) {
                case QUEUED -> waiting = waiting == null ? all[i].error() : waiting;
                case FAILED -> failed = failed == null ? all[i].error() : failed;
                case SENT -> anySent = true;
            }
        }
        String[] stored = all.length > 1 ? stored(all) : null;
        if (waiting != null) {
            return new MessageOutcome(MessageStatus.QUEUED, now.plus(backoff), waiting, stored);
        }
        return anySent ? new MessageOutcome(MessageStatus.SENT, now, null, stored)
                : new MessageOutcome(MessageStatus.FAILED, now, failed, stored);
    }

    private static String[] stored(Result[] all) {
        String[] stored = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            stored[i] = all[i].stored();
        }
        return stored;
    }

    @Override
    public String toString() {
        return "MessageOutcome[" + status + "]";
    }
}
