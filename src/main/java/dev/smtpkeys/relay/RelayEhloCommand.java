package dev.smtpkeys.relay;

import java.io.IOException;

import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * EHLO with the extensions this relay really offers: PIPELINING, SIZE, 8BITMIME, STARTTLS until it
 * is started, and AUTH only where it may be used (after STARTTLS, unless plaintext AUTH is allowed).
 * SubEthaSMTP's own EHLO offers CHUNKING and SMTPUTF8 and no PIPELINING.
 */
final class RelayEhloCommand extends BaseCommand {

    private final boolean allowPlaintextAuth;

    RelayEhloCommand(boolean allowPlaintextAuth) {
        super("EHLO", "Introduce yourself.", "<hostname>");
        this.allowPlaintextAuth = allowPlaintextAuth;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException {
        String[] args = getArgs(commandString);
        if (args.length < 2) {
            session.sendResponse("501 5.5.4 Syntax: EHLO hostname");
            return;
        }
        session.resetMailTransaction();
        session.setHelo(args[1]);
        StringBuilder answer = new StringBuilder("250-").append(session.getServer().getHostName());
        answer.append("\r\n250-PIPELINING");
        answer.append("\r\n250-SIZE ").append(session.getServer().getMaxMessageSize());
        answer.append("\r\n250-8BITMIME");
        if (!session.isTLSStarted()) {
            answer.append("\r\n250-STARTTLS");
        }
        if (session.isTLSStarted() || allowPlaintextAuth) {
            answer.append("\r\n250-AUTH ").append(String.join(" ", KeyAuthCommand.MECHANISMS));
        }
        answer.append("\r\n250 Ok");
        session.sendResponse(answer.toString());
    }
}
