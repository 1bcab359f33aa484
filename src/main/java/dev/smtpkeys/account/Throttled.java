package dev.smtpkeys.account;

/**
 * An attempt that {@link SignInPolicy} made wait, for the audit log: the e-mail address it was for
 * (null for sign-up) and the client's IP. Fired once per subject and throttle window.
 */
public record Throttled(Kind kind, String email, String ip) {

    public enum Kind { SIGN_IN, PASSWORD_CHANGE, SIGN_UP }
}
