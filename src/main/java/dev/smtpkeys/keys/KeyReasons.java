package dev.smtpkeys.keys;

import java.text.Normalizer;

import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.Role;

/**
 * The written reason that support staff must give for every change to a customer's key: it is what
 * the account's users read in their activity log, so "x" is not enough.
 */
public final class KeyReasons {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 500;

    private KeyReasons() {
    }

    /**
     * The reason as it will be stored. Support must give 10 to 500 characters; an account user's own
     * change needs none, and whatever was sent is ignored, so the log never shows an unasked text.
     */
    public static String forActor(Actor actor, String raw) {
        if (!Role.SUPPORT.equals(actor.role())) {
            return null;
        }
        String reason = raw == null ? "" : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC)
                .replace("\r\n", "\n");
        int length = reason.codePointCount(0, reason.length());
        if (length < MIN_LENGTH) {
            throw new KeyException(KeyProblem.REASON_TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            throw new KeyException(KeyProblem.REASON_TOO_LONG);
        }
        return reason;
    }
}
