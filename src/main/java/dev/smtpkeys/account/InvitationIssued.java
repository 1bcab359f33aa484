package dev.smtpkeys.account;

/** Support sent {@code user} an invitation to choose a password. Fired inside the issuing transaction. */
public record InvitationIssued(Actor actor, User user) {
}
