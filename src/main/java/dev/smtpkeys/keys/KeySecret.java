package dev.smtpkeys.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

import dev.smtpkeys.account.TokenHash;

/**
 * The SMTP key format: {@code smtpk_} + 40 random base62 characters + 6 base62 characters of the
 * CRC32 of the random part. Plain Java, no I/O, so the relay can reject a mistyped key before any
 * database work.
 */
public final class KeySecret {

    public static final String PREFIX = "smtpk_";
    static final int RANDOM_LENGTH = 40;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
    public static final int SUFFIX_LENGTH = 2;

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecret() {
    }

    /** A fresh key: about 238 bits of randomness, each character drawn uniformly. */
    public static String generate() {
        char[] random = new char[RANDOM_LENGTH];
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            random[i] = BASE62[RANDOM.nextInt(BASE62.length)];
        }
        String body = new String(random);
        return PREFIX + body + checksum(body);
    }

    /** Whether {@code candidate} has the prefix, length, alphabet and checksum of a real key. */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (!isBase62(candidate.charAt(i))) {
                return false;
            }
        }
        String body = candidate.substring(PREFIX.length(), PREFIX.length() + RANDOM_LENGTH);
        return candidate.endsWith(checksum(body));
    }

    /** SHA-256 of the key: what the database stores and looks up. */
    public static byte[] hash(String key) {
        return TokenHash.sha256(key);
    }

    /** The characters the key table shows. */
    public static String suffix(String key) {
        return key.substring(key.length() - SUFFIX_LENGTH);
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62[(int) (value % BASE62.length)];
            value /= BASE62.length;
        }
        return new String(out);
    }

    private static boolean isBase62(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
