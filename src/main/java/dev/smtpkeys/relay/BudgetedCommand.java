package dev.smtpkeys.relay;

import java.io.IOException;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * Any verb, counted against the session's budget of commands before AUTH ({@link RelayAdmission}).
 * QUIT is never refused. Unknown verbs never reach a command; the pre-AUTH deadline ends those sessions.
 */
final class BudgetedCommand implements Command {

    private final Command command;
    private final RelayAdmission admission;

    BudgetedCommand(Command command, RelayAdmission admission) {
        this.command = command;
        this.admission = admission;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        if (!session.isAuthenticated() && !"QUIT".equals(command.getName())) {
            admission.countCommand(session);
        }
        command.execute(commandString, session);
    }

    @Override
    public HelpMessage getHelp() throws CommandException {
        return command.getHelp();
    }

    @Override
    public String getName() {
        return command.getName();
    }
}
