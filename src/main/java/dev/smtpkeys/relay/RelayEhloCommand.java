package dev.smtpkeys.relay;

import java.io.IOException;

import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * EHLO with the extensions this relay really offers: PIPELINING, SIZE, 8BITMIME, SMTPUTF8 where
 * configured, STARTTLS until TLS is on, and AUTH only where it may be used (with TLS, unless plaintext
 * AUTH is allowed). SubEthaSMTP's own EHLO offers CHUNKING and no PIPELINING.
 */
final class RelayEhloCommand extends BaseCommand {

    private final boolean allowPlaintextAuth;
    private final boolean smtputf8;

    RelayEhloCommand(boolean allowPlaintextAuth, boolean smtputf8) {
        super("EHLO", "Introduce yourself.", "<hostname>");
        this.allowPlaintextAuth = allowPlaintextAuth;
        this.smtputf8 = smtputf8;
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
        if (smtputf8) {
            answer.append("\r\n250-SMTPUTF8");
        }
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
