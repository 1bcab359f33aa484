package dev.smtpkeys.account;

/** An account support just created, and its initial password, which exists only until the answer is rendered. */
public record CreatedAccount(User user, String initialPassword) {

    @Override
    public String toString() {
        // records print their components; this one must never print the password
        return "CreatedAccount[user=" + user.id + "]";
    }
}
