package dev.smtpkeys.relay;

import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * BDAT is not offered. A client that sends it anyway follows with raw message bytes, which must
 * never be read as commands, so the answer closes the connection.
 */
final class NoChunkingCommand extends BaseCommand {

    NoChunkingCommand() {
        super("BDAT", "Not offered.");
    }

    @Override
    public void execute(String commandString, Session session) throws DropConnectionException {
        throw new DropConnectionException(502, "5.5.1 CHUNKING is not offered");
    }
}
