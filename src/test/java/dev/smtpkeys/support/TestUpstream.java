package dev.smtpkeys.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.subethamail.smtp.RejectException;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The smarthost of the test run: SubEthaSMTP's Wiser on a free port, named as the relay's upstream.
 * Recipients whose local part starts with {@code permfail} are refused for good (553); those starting
 * with {@code tempfail} are refused once with 451, then accepted. Its EHLO offers SMTPUTF8 (SubEthaSMTP's
 * does); {@link #mailLine} tells what MAIL FROM line a message came with.
 */
public class TestUpstream implements QuarkusTestResourceLifecycleManager {

    private static volatile Wiser wiser;
    private static final Set<String> TEMPORARILY_REFUSED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Runnable> DURING_RECEIPT = new ConcurrentHashMap<>();
    private static final MailLines MAIL_LINES = new MailLines();

    @Override
    public Map<String, String> start() {
        wiser = Wiser.accepter(TestUpstream::accept).port(0);
        MAIL_LINES.install(wiser.getServer()); // built; the port is picked on start
        wiser.start();
        return Map.of(
                "smtpkeys.relay.upstream.host", "127.0.0.1",
                "smtpkeys.relay.upstream.port", String.valueOf(wiser.getServer().getPortAllocated()),
                "smtpkeys.relay.upstream.tls", "NONE");
    }

    @Override
    public void stop() {
        if (wiser != null) {
            wiser.stop();
        }
    }

    /** What the upstream received for {@code recipient}. */
    public static List<WiserMessage> messagesTo(String recipient) {
        return wiser.getMessages().stream().filter(m -> m.getEnvelopeReceiver().equalsIgnoreCase(recipient)).toList();
    }

    /** The MAIL FROM line, parameters included, of the message to {@code recipient}. */
    public static String mailLine(String recipient) {
        return MAIL_LINES.of(recipient);
    }

    /** Runs {@code action} once, while the upstream receives the message for {@code recipient} (at RCPT). */
    public static void whileReceiving(String recipient, Runnable action) {
        DURING_RECEIPT.put(recipient.toLowerCase(java.util.Locale.ROOT), action);
    }

    private static boolean accept(String from, String recipient) {
        Runnable action = DURING_RECEIPT.remove(recipient.toLowerCase(java.util.Locale.ROOT));
        if (action != null) {
            action.run();
        }
        String local = recipient.substring(0, recipient.indexOf('@'));
        if (local.startsWith("permfail")) {
            return false;
        }
        MAIL_LINES.accepted(recipient);
        if (local.startsWith("tempfail") && TEMPORARILY_REFUSED.add(recipient)) {
            // Wiser's accepter may not throw checked exceptions; the adapter above it passes RejectException on
            throw sneaky(new RejectException(451, "4.3.0 Try again later"));
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
