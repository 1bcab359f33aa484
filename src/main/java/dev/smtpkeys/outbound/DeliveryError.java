package dev.smtpkeys.outbound;

/**
 * Why a delivery try failed, as the customer may read it: a code for the message bundle plus, for
 * a refusal, the upstream's SMTP reply (the remote server's public answer). Stored in
 * {@code last_error} as {@code CODE|detail}; the technical cause, which can name internal hosts,
 * goes to the server log only.
 */
public record DeliveryError(Code code, String detail) {

    private static final int MAX_STORED_LENGTH = 1000;

    /** Stored by name: never rename a constant. */
    public enum Code {
        /** The upstream answered with a 4xx or 5xx reply; the detail is that reply. */
        UPSTREAM_REJECTED,
        /** No answer to show: connection, TLS or login to the upstream failed, or a timeout. */
        UPSTREAM_UNREACHABLE,
        /** The message's lifetime ran out; the detail is the last upstream reply, if there was one. */
        EXPIRED,
        /**
         * Returned without a try, as Postfix does: the message needs SMTPUTF8 (RFC 6531) and the smarthost
         * does not offer it; the detail is the status Postfix gives for it (the page shows its own text).
         */
        SMTPUTF8_UNSUPPORTED,
        /** A value written before the codes existed: its text is not shown, it may name internal hosts. */
        UNKNOWN
    }

    public DeliveryError {
        detail = detail == null ? "" : detail;
    }

    /** The reason of a failed try, from the exception Angus Mail threw. */
    static DeliveryError of(Exception e) {
        return UpstreamClient.reply(e).map(reply -> new DeliveryError(Code.UPSTREAM_REJECTED, reply))
                .orElseGet(() -> new DeliveryError(Code.UPSTREAM_UNREACHABLE, ""));
    }

    /** Why a message that needs SMTPUTF8 cannot go to a smarthost without it (Postfix's status code and text). */
    static DeliveryError smtputf8Unsupported() {
        return new DeliveryError(Code.SMTPUTF8_UNSUPPORTED, "5.6.7 SMTPUTF8 is required, but was not offered by the smarthost");
    }

    /** This message given up because it got too old, keeping the upstream's last reply if any. */
    DeliveryError expired() {
        return new DeliveryError(Code.EXPIRED, code == Code.UPSTREAM_REJECTED ? detail : "");
    }

    /** The value for {@code last_error}. */
    String stored() {
        String value = detail.isEmpty() ? code.name() : code.name() + "|" + detail;
        return value.length() > MAX_STORED_LENGTH ? value.substring(0, MAX_STORED_LENGTH) : value;
    }

    /** A stored {@code last_error} read back; null for none. */
    public static DeliveryError parse(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        int bar = stored.indexOf('|');
        String name = bar < 0 ? stored : stored.substring(0, bar);
        for (Code code : Code.values()) {
            if (code.name().equals(name) && code != Code.UNKNOWN) {
                return new DeliveryError(code, bar < 0 ? "" : stored.substring(bar + 1));
            }
        }
        return new DeliveryError(Code.UNKNOWN, "");
    }

    public boolean hasDetail() {
        return !detail.isEmpty();
    }
}
