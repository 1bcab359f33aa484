package dev.smtpkeys.outbound;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.jboss.logging.Logger;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

/**
 * SMTPUTF8 (RFC 6531) on the way to the smarthost, as Postfix handles it. A message needs it when its
 * sender declared it or an envelope address is not ASCII; it then goes with SMTPUTF8 where the smarthost
 * offers it. Where it does not, the message still goes if its envelope and headers are all ASCII, and
 * what cannot go without it is returned ({@code 5.6.7}). ASCII mail goes as before: same connection,
 * no parameter.
 */
final class Smtputf8 {

    private static final Logger LOG = Logger.getLogger(Smtputf8.class);

    private Smtputf8() {
    }

    /**
     * The connection to send {@code mime} to {@code tried} over (null: nobody left), with SMTPUTF8 on its
     * MAIL FROM when needed; marks in {@code returned} (parallel to {@code tried}) whom it cannot reach.
     */
    static Transport route(UpstreamClient client, DeliveryWorker.Claimed message, byte[] body, List<String> tried,
            boolean[] returned, SMTPMessage mime) throws MessagingException {
        boolean utf8Envelope = !isAscii(message.from()) || !tried.stream().allMatch(Smtputf8::isAscii);
        if (!message.smtputf8() && !utf8Envelope) {
            return client.connected();
        }
        // the usual connection tells whether the smarthost offers it; only then is a UTF-8 one worth opening.
        // Checked once: each connected() asks the smarthost (NOOP) whether the connection still stands
        Transport usual = client.connected();
        if (UpstreamClient.offersSmtputf8(usual)) {
            if (!utf8Envelope) {
                mime.setMailExtension("SMTPUTF8");
                return usual;
            }
            // Angus writes a non-ASCII envelope only on a UTF-8 connection, which adds SMTPUTF8 itself
            return client.connectedUtf8();
        }
        boolean ascii = isAscii(message.from()) && asciiHeaders(body);
        int count = 0;
        for (int i = 0; i < returned.length; i++) {
            returned[i] = !ascii || !isAscii(tried.get(i));
            count += returned[i] ? 1 : 0;
        }
        LOG.infof("message %d needs SMTPUTF8, which the smarthost does not offer: %d of %d recipients returned",
                message.id(), count, tried.size());
        return count == tried.size() ? null : usual;
    }

    /** The recipients of {@code tried} not {@code returned}, in order. */
    static List<String> kept(List<String> tried, boolean[] returned) {
        List<String> kept = new ArrayList<>(tried.size());
        for (int i = 0; i < returned.length; i++) {
            if (!returned[i]) {
                kept.add(tried.get(i));
            }
        }
        return kept;
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether the header section of {@code raw} (up to the first empty line) is all ASCII. */
    static boolean asciiHeaders(byte[] raw) {
        boolean lineStart = true;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b < 0) {
                return false;
            }
            if (lineStart && (b == '\n' || (b == '\r' && i + 1 < raw.length && raw[i + 1] == '\n'))) {
                return true;
            }
            lineStart = b == '\n';
        }
        return true;
    }
}
