package dev.smtpkeys.relay;

import java.io.IOException;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.server.Session;

/**
 * MAIL, in front of SubEthaSMTP's own (which checks AUTH and starts the transaction): reads the
 * parameters itself ({@link MailParameters}), refuses a declared SIZE over the limit ({@code 552 5.3.4})
 * or over the in-flight budget ({@code 452 4.3.1}, as Postfix does when its queue is short of space),
 * starts no transaction while the relay shuts down ({@code 421 4.3.2}), and hands the started
 * transaction its parameters, budget share and place in the drain count.
 */
final class RelayMailCommand extends BaseCommand {

    private final Command mail;
    private final boolean smtputf8;
    private final InflightBudget budget;
    private final RelayDrain drain;

    RelayMailCommand(Command mail, boolean smtputf8, InflightBudget budget, RelayDrain drain) {
        super("MAIL", "Specifies the sender.", "FROM:<sender> [SIZE=n] [BODY=7BIT|8BITMIME] [SMTPUTF8]");
        this.mail = mail;
        this.smtputf8 = smtputf8;
        this.budget = budget;
        this.drain = drain;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        if (!session.isAuthenticated() || session.isMailTransactionInProgress()) {
            mail.execute(commandString, session);
            return;
        }
        MailParameters parameters;
        try {
            parameters = MailParameters.parse(commandString, smtputf8);
        } catch (MailParameters.Refused e) {
            session.sendResponse(e.reply());
            return;
        }
        if (parameters.size() > session.getServer().getMaxMessageSize()) {
            session.sendResponse("552 5.3.4 Message size exceeds fixed limit");
            return;
        }
        InflightBudget.Hold hold = budget.hold();
        if (!hold.cover(parameters.size())) {
            session.sendResponse("452 4.3.1 Insufficient system storage");
            return;
        }
        if (!drain.enter()) {
            hold.release();
            throw new DropConnectionException(421, "4.3.2 Service shutting down, closing transmission channel");
        }
        boolean started = false;
        try {
            mail.execute(commandString, session);
            if (session.isMailTransactionInProgress() && session.getMessageHandler() instanceof RelayMessageHandler handler) {
                handler.begin(parameters, hold, drain);
                started = true;
            }
        } finally {
            if (!started) {
                hold.release();
                drain.leave();
            }
        }
    }
}
