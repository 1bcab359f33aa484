package dev.smtpkeys.account;

import java.time.Instant;

/** An invitation just made: the one moment its set-password token exists outside the mail. */
record IssuedInvitation(User user, String token, Instant expiresAt) {

    @Override
    public String toString() {
        // records print their components; this one must never print the token
        return "IssuedInvitation[user=" + user.id + ", expiresAt=" + expiresAt + "]";
    }
}
