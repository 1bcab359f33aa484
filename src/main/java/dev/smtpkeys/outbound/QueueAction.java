package dev.smtpkeys.outbound;

import java.util.Locale;
import java.util.Optional;

import dev.smtpkeys.audit.AuditAction;

/** What may be done to the mail a key has queued, as it appears in routes ({@code …/{keyId}/hold}). */
public enum QueueAction {
    /** Waiting messages stay in the queue but are not tried until released. */
    HOLD(AuditAction.QUEUED_MAIL_HELD),
    /** Held messages are tried again at once. */
    RELEASE(AuditAction.QUEUED_MAIL_RELEASED),
    /** Waiting and held messages end DROPPED, never delivered; their bodies go at once. */
    DROP(AuditAction.QUEUED_MAIL_DROPPED);

    private final AuditAction audited;

    QueueAction(AuditAction audited) {
        this.audited = audited;
    }

    AuditAction audited() {
        return audited;
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QueueAction> fromPath(String segment) {
        for (QueueAction action : values()) {
            if (action.path().equals(segment)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
