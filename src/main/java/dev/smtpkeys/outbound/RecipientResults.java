package dev.smtpkeys.outbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

/**
 * What one delivery try did to each recipient it was for. With {@code sendpartial} on, Angus Mail sends
 * to the recipients the smarthost took and reports each refused RCPT as its own exception with its reply
 * code: a 4xx is tried again for that recipient alone, a 5xx ends it. A failure that names no recipient
 * (connection, MAIL FROM, DATA) concerns all of them.
 */
final class RecipientResults {

    /** The outcome for one recipient. {@code error} is null for SENT. */
    record Result(State state, DeliveryError error) {

        static final Result SENT = new Result(State.SENT, null);

        /** As stored in {@code recipient_results}: {@code SENT}, or the state and the error's stored form. */
        String stored() {
            return error == null ? state.name() : state.name() + "|" + error.stored();
        }

        static Result parse(String stored) {
            if (stored == null) {
                return null;
            }
            int bar = stored.indexOf('|');
            State state = State.valueOf(bar < 0 ? stored : stored.substring(0, bar));
            return new Result(state, bar < 0 ? null : DeliveryError.parse(stored.substring(bar + 1)));
        }
    }

    /** Where a recipient stands. Stored by name: never rename a constant. */
    enum State {
        SENT,
        /** Refused for now: tried again, alone, after the backoff. */
        QUEUED,
        FAILED
    }

    private RecipientResults() {
    }

    /** The outcome for each of {@code tried}, in order, of a try that threw {@code e} (null: all sent). */
    static List<Result> of(List<String> tried, Exception e) {
        if (e == null) {
            return tried.stream().map(t -> Result.SENT).toList();
        }
        Set<String> sent = new HashSet<>();
        if (e instanceof SendFailedException failed && failed.getValidSentAddresses() != null) {
            for (Address address : failed.getValidSentAddresses()) {
                sent.add(key(address));
            }
        }
        Map<String, Result> refused = new HashMap<>();
        for (Exception current = e; current != null; current = UpstreamClient.next(current)) {
            if (current instanceof SMTPAddressFailedException rcpt) {
                refused.putIfAbsent(key(rcpt.getAddress()), refusal(rcpt.getReturnCode(), UpstreamClient.replyOf(rcpt)));
            }
        }
        Result whole = whole(e);
        List<Result> results = new ArrayList<>(tried.size());
        for (String recipient : tried) {
            String key = recipient.toLowerCase(Locale.ROOT);
            results.add(sent.contains(key) ? Result.SENT : refused.getOrDefault(key, whole));
        }
        return results;
    }

    /**
     * Whether the connection is still fit for the next message: the smarthost only refused recipients
     * (Angus then resets the transaction itself), or took the message for some of them.
     */
    static boolean onlyRecipientsRefused(Exception e) {
        if (!(e instanceof SendFailedException)) {
            return false;
        }
        boolean anyRecipient = false;
        for (Exception current = e; current != null; current = UpstreamClient.next(current)) {
            int code = UpstreamClient.code(current);
            if (current instanceof SMTPAddressFailedException) {
                anyRecipient = true;
            } else if (code >= 300 || (current != e && code < 0)) {
                return false;
            }
        }
        return anyRecipient;
    }

    /** The outcome of a failure that names no recipient, for every recipient it did not name. */
    private static Result whole(Exception e) {
        for (Exception current = e; current != null; current = UpstreamClient.next(current)) {
            int code = UpstreamClient.code(current);
            if (!(current instanceof SMTPAddressFailedException) && code >= 400 && code < 600) {
                return refusal(code, UpstreamClient.replyOf(current));
            }
        }
        return new Result(State.QUEUED, new DeliveryError(DeliveryError.Code.UPSTREAM_UNREACHABLE, ""));
    }

    private static Result refusal(int code, String reply) {
        DeliveryError error = new DeliveryError(DeliveryError.Code.UPSTREAM_REJECTED, reply);
        return new Result(code >= 500 ? State.FAILED : State.QUEUED, error);
    }

    private static String key(Address address) {
        String text = address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
        return text.toLowerCase(Locale.ROOT);
    }
}
