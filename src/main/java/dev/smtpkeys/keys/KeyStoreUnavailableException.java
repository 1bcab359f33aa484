package dev.smtpkeys.keys;

/** The database could not answer a key lookup; callers answer "try later", never "wrong key". */
public class KeyStoreUnavailableException extends RuntimeException {

    public KeyStoreUnavailableException(Throwable cause) {
        super("key store unavailable", cause);
    }
}
