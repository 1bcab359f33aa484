package dev.smtpkeys.support;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * The MAIL FROM line, parameters included, that a stub smarthost's message to each recipient came with
 * (Wiser keeps only the address). SubEthaSMTP runs a connection on one thread: the line is held there
 * from MAIL until the recipients are accepted.
 */
public final class MailLines {

    private final ThreadLocal<String> current = new ThreadLocal<>();
    private final Map<String, String> byRecipient = new ConcurrentHashMap<>();

    /** Puts the recording in front of {@code server}'s MAIL (internal API of SubEthaSMTP, as the relay's). */
    void install(SMTPServer server) {
        CommandHandler commands = server.getCommandHandler();
        Command mail = commands.getCommand("MAIL");
        commands.addCommand(new BaseCommand("MAIL", "Specifies the sender.") {
            @Override
            public void execute(String commandString, Session session) throws IOException, DropConnectionException {
                current.set(commandString);
                mail.execute(commandString, session);
            }
        });
    }

    /** Called when {@code recipient} is accepted, on the connection's thread. */
    void accepted(String recipient) {
        byRecipient.put(recipient.toLowerCase(Locale.ROOT), current.get());
    }

    /** The MAIL FROM line of the transaction that {@code recipient} was accepted in, or null. */
    public String of(String recipient) {
        return byRecipient.get(recipient.toLowerCase(Locale.ROOT));
    }
}
