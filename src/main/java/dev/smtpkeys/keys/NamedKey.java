package dev.smtpkeys.keys;

/**
 * Anything a page names a key by: a key, or a copy of one kept by a log line or a message. The master
 * key has no stored name; it is shown by its label in the reader's language, through
 * {@link KeyViews#displayName} in templates and {@link KeyTexts#displayName} in Java.
 */
public interface NamedKey {

    /** Whether this is, or names, an account's master key. */
    boolean isMasterKey();

    /** The name its owner gave the key; null for the master key. */
    String givenName();
}
