package dev.smtpkeys.relay;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.auth.UsernamePasswordValidator;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

import dev.smtpkeys.keys.VerifiedKey;

/**
 * SMTP AUTH (PLAIN and LOGIN) against the SMTP keys. It replaces SubEthaSMTP's AUTH verb so that
 * every failure gets the one answer {@code 535 5.7.8}, AUTH before STARTTLS can be refused with
 * {@code 538 5.7.11}, a throttled IP is answered {@code 421 4.7.0} and disconnected, and success is
 * {@code 235 2.7.0}. The SASL decoding itself is still SubEthaSMTP's. Nothing typed is ever logged.
 */
final class KeyAuthCommand extends BaseCommand {

    static final String INVALID = "5.7.8 Authentication credentials invalid";
    static final List<String> MECHANISMS = List.of("PLAIN", "LOGIN");

    private final KeyAuthenticator authenticator;
    private final boolean allowPlaintext;
    private final RelayAdmission admission;

    KeyAuthCommand(KeyAuthenticator authenticator, boolean allowPlaintext, RelayAdmission admission) {
        super("AUTH", "Authentication with the account's SMTP login and an SMTP key", "AUTH PLAIN|LOGIN [initial-response]");
        this.authenticator = authenticator;
        this.allowPlaintext = allowPlaintext;
        this.admission = admission;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        if (session.isAuthenticated()) {
            session.sendResponse("503 5.5.1 Already authenticated");
            return;
        }
        if (session.isMailTransactionInProgress()) {
            session.sendResponse("503 5.5.1 AUTH is not allowed during a mail transaction");
            return;
        }
        String[] args = getArgs(commandString);
        if (args.length < 2 || args.length > 3) {
            session.sendResponse("501 5.5.4 Syntax: AUTH mechanism [initial-response]");
            return;
        }
        if (!MECHANISMS.contains(args[1].toUpperCase(Locale.ROOT))) {
            session.sendResponse("504 5.5.4 Unrecognized authentication type");
            return;
        }
        if (!allowPlaintext && !session.isTLSStarted()) {
            session.sendResponse("538 5.7.11 Encryption required for requested authentication mechanism");
            return;
        }
        String ip = ip(session);
        // admission asked the shared counters already; a block since then shows in the failure's answer
        if (authenticator.isKnownBlocked(ip)) {
            throw tooManyFailures();
        }
        Attempt attempt = new Attempt(ip);
        AuthenticationHandler sasl = new EasyAuthenticationHandlerFactory(attempt).create();
        try {
            Optional<String> challenge = sasl.auth(commandString, session);
            while (challenge.isPresent()) {
                session.sendResponse(challenge.get());
                String line = session.getReader().readLine();
                if (line == null || line.trim().equals("*")) {
                    session.sendResponse("501 5.7.0 Authentication canceled");
                    return;
                }
                challenge = sasl.auth(line, session);
            }
        } catch (RejectException e) {
            if (attempt.result == null) {
                session.sendResponse("501 5.5.2 Cannot decode the authentication data");
                return;
            }
        }
        switch (attempt.result.outcome()) {
            case SUCCESS -> {
                session.setAuthenticationHandler(new Authenticated(attempt.result.key()));
                admission.authenticated(session);
                session.sendResponse("235 2.7.0 Authentication successful");
            }
            case FAILURE -> session.sendResponse("535 " + INVALID);
            case BLOCKED -> throw tooManyFailures();
            case UNAVAILABLE -> session.sendResponse("454 4.7.0 Temporary authentication failure, try again later");
        }
    }

    private static DropConnectionException tooManyFailures() {
        return new DropConnectionException(421, "4.7.0 Too many failed authentications from your address, try again later");
    }

    static String ip(MessageContext context) {
        return ((java.net.InetSocketAddress) context.getRemoteAddress()).getAddress().getHostAddress();
    }

    /** Receives the decoded login and key from SubEthaSMTP's SASL code and keeps only the verdict. */
    private final class Attempt implements UsernamePasswordValidator {
        private final String ip;
        private KeyAuthenticator.Result result;

        Attempt(String ip) {
            this.ip = ip;
        }

        @Override
        public void login(String username, String password, MessageContext context) throws LoginFailedException {
            result = authenticator.authenticate(username, password, ip);
            if (result.outcome() != KeyAuthenticator.Outcome.SUCCESS) {
                throw new LoginFailedException();
            }
        }
    }

    /** The session's proof of AUTH: which key, never the secret. */
    record Authenticated(VerifiedKey key) implements AuthenticationHandler {

        @Override
        public Optional<String> auth(String clientInput, MessageContext context) {
            throw new IllegalStateException("already authenticated");
        }

        @Override
        public Object getIdentity() {
            return key;
        }
    }
}
