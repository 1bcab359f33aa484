package dev.smtpkeys.account;

/** The two kinds of people who sign in; the values are the role names used by {@code @RolesAllowed}. */
public final class Role {
    public static final String USER = "user";
    public static final String SUPPORT = "support";

    private Role() {
    }
}
