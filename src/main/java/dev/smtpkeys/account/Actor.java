package dev.smtpkeys.account;

/** Who caused a change, and from where; the system acts without a user. */
public record Actor(Long userId, String role, String email, String ip) {

    public static final String SYSTEM_ROLE = "system";

    public static Actor of(User user, String ip) {
        return new Actor(user.id, user.role, user.email, ip);
    }

    public static Actor system() {
        return new Actor(null, SYSTEM_ROLE, null, null);
    }
}
