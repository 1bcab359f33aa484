package dev.smtpkeys.leaks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The scanner's signature: {@code sha256=} and the hex HMAC-SHA256 of the raw request body under the
 * shared secret, in the header {@value #HEADER} (GitHub's webhook convention). Compared in constant time.
 */
final class ReportSignature {

    static final String HEADER = "X-Signature-SHA256";
    private static final String PREFIX = "sha256=";

    private ReportSignature() {
    }

    /** The header value for {@code body} under {@code secret}. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body} under {@code secret}; false without a secret. */
    static boolean valid(String secret, byte[] body, String header) {
        if (secret == null || secret.isEmpty() || header == null) {
            return false;
        }
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, header.strip().toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }
}
