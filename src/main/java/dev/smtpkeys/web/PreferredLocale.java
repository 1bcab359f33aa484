package dev.smtpkeys.web;

/**
 * The language the signed-in user picked, for {@link LocaleResolver}. Owned here and answered by the
 * account feature, since {@code web} may use no feature.
 */
public interface PreferredLocale {

    /** The picked language tag (e.g. {@code de}), or null when nobody is signed in or nothing was picked. */
    String preferredLocale();
}
