package dev.smtpkeys.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

/** Plain-Java checks and snapshots of a message as received: subject, addresses. */
final class RawMessage {

    /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets. */
    static final int MAX_ADDRESS_LENGTH = 254;
    static final int MAX_SUBJECT_LENGTH = 255;

    /** An address literal, or dot-separated labels of letters, digits and inner hyphens; checked on every RCPT. */
    private static final Pattern DOMAIN = Pattern.compile(
            "\\[[0-9a-f:.]+\\]|[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*");

    private RawMessage() {
    }

    /** The decoded Subject header for the message list, shortened; null without one. */
    static String subject(byte[] data) {
        String headers = headerBlock(data);
        String value = null;
        StringBuilder current = null;
        for (String line : headers.split("\r\n")) {
            if (current != null && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                current.append(line);
                continue;
            }
            if (current != null) {
                value = current.toString();
                break;
            }
            if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
                current = new StringBuilder(line.substring(8));
            }
        }
        if (value == null && current != null) {
            value = current.toString();
        }
        if (value == null) {
            return null;
        }
        String decoded;
        try {
            decoded = MimeUtility.decodeText(MimeUtility.unfold(value.strip()));
        } catch (IOException | RuntimeException e) {
            decoded = value.strip();
        }
        decoded = decoded.replaceAll("\\p{Cntrl}", " ").strip();
        return decoded.length() > MAX_SUBJECT_LENGTH ? decoded.substring(0, MAX_SUBJECT_LENGTH - 1) + "…" : decoded;
    }

    /** Whether {@code address} is a plain {@code local@domain} mailbox the relay can hand on. */
    static boolean isValidMailbox(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_ADDRESS_LENGTH) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',') {
                return false;
            }
        }
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    private static String headerBlock(byte[] data) {
        int end = data.length;
        for (int i = 0; i + 3 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') {
                end = i;
                break;
            }
        }
        return new String(data, 0, Math.min(end, 64 * 1024), StandardCharsets.UTF_8);
    }
}
