package dev.smtpkeys.support;

import java.io.IOException;
import java.util.List;

import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;

/**
 * A smarthost of its own for one test, beside the run's {@link TestUpstream}: Wiser on a free port whose
 * EHLO offers no SMTPUTF8 (SubEthaSMTP's own EHLO offers it), keeping each message's MAIL FROM line.
 */
public final class SmarthostWithoutSmtputf8 implements AutoCloseable {

    private final Wiser wiser;
    private final MailLines mailLines = new MailLines();

    private SmarthostWithoutSmtputf8() {
        wiser = Wiser.accepter((from, recipient) -> {
            mailLines.accepted(recipient);
            return true;
        }).server(SMTPServer.port(0));
        mailLines.install(wiser.getServer());
        wiser.getServer().getCommandHandler().addCommand(new BaseCommand("EHLO", "Introduce yourself.") {
            @Override
            public void execute(String commandString, Session session) throws IOException {
                session.resetMailTransaction();
                session.setHelo(getArgs(commandString)[1]);
                session.sendResponse("250-stub.example\r\n250-8BITMIME\r\n250 Ok");
            }
        });
        wiser.start();
    }

    /** A started smarthost without SMTPUTF8. */
    public static SmarthostWithoutSmtputf8 start() {
        return new SmarthostWithoutSmtputf8();
    }

    public int port() {
        return wiser.getServer().getPortAllocated();
    }

    /** What it received for {@code recipient}. */
    public List<WiserMessage> messagesTo(String recipient) {
        return wiser.getMessages().stream().filter(m -> m.getEnvelopeReceiver().equalsIgnoreCase(recipient)).toList();
    }

    /** The MAIL FROM line the message to {@code recipient} came with. */
    public String mailLine(String recipient) {
        return mailLines.of(recipient);
    }

    @Override
    public void close() {
        wiser.stop();
    }
}
