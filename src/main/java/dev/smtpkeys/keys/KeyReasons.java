package dev.smtpkeys.keys;

import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.audit.WrittenReason;

/** The written reason that support staff must give for every change to a customer's key ({@link WrittenReason}). */
public final class KeyReasons {

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
        String reason = WrittenReason.normalize(raw);
        WrittenReason.Problem problem = WrittenReason.problem(reason);
        if (problem != null) {
            throw new KeyException(problem == WrittenReason.Problem.TOO_SHORT ? KeyProblem.REASON_TOO_SHORT
                    : KeyProblem.REASON_TOO_LONG);
        }
        return reason;
    }
}
