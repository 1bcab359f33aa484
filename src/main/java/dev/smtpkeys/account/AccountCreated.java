package dev.smtpkeys.account;

/**
 * An account was just opened, with {@code user} as its first user. Fired synchronously inside the
 * creating transaction, so what observers add (the master key, the audit line) commits or rolls
 * back with the account itself.
 */
public record AccountCreated(Actor actor, User user) {

    public Account account() {
        return user.account;
    }
}
