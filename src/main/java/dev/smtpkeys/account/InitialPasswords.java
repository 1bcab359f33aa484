package dev.smtpkeys.account;

import java.security.SecureRandom;

/** Initial passwords that support reads out or types: 20 characters without look-alikes (≈100 bits). */
final class InitialPasswords {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InitialPasswords() {
    }

    /** For example {@code k3RtZ-9aPqe-Hm2xW-c7JdN}: groups make it easier to read out on the phone. */
    static String generate() {
        StringBuilder password = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
        }
        return password.toString();
    }
}
