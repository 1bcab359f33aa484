package dev.smtpkeys.account;

/**
 * What a request knows of its signed-in user without loading the entity: read with the session
 * ({@link UserSessions#signedIn}), or taken from the {@link User} once the request loaded it. The
 * account's fields are null for support users, who have none.
 */
record SignedIn(String email, String locale, boolean mustChangePassword, Long accountId,
        String accountName, String smtpLogin) {

    static SignedIn of(User user) {
        Account account = user.account;
        return account == null ? new SignedIn(user.email, user.locale, user.mustChangePassword, null, null, null)
                : new SignedIn(user.email, user.locale, user.mustChangePassword, account.id, account.name, account.smtpLogin);
    }
}
