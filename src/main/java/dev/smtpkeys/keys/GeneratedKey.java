package dev.smtpkeys.keys;

/** A key just created and its secret, which exists in memory only until the answer is rendered. */
public record GeneratedKey(SmtpKey key, String secret) {

    @Override
    public String toString() {
        // records print their components; this one must never print the secret
        return "GeneratedKey[id=" + key.id + ", suffix=" + key.suffix + "]";
    }
}
