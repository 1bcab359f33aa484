package dev.smtpkeys.account;

/** A user changed their password. Fired synchronously inside the changing transaction. */
public record PasswordChanged(Actor actor, User user) {
}
