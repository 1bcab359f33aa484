package dev.smtpkeys.instances;

import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.SmtpTestClient.Reply;

/**
 * One instance's graceful shutdown, observed from outside: a message is half sent to it directly
 * when it gets SIGTERM; then its readiness must turn down while the relay still listens (the
 * balancer's cue), then the relay must stop taking connections while that DATA is still open, and
 * only then is the message finished, which must still be accepted.
 */
final class Drain {

    private boolean unreadyWhileStillListening;
    private boolean stoppedListeningDuringData;
    private Reply dataReply;

    private Drain() {
    }

    /** Sends SIGTERM to {@code app} in the middle of a DATA and watches it stop; returns once it has exited. */
    static Drain observe(AppInstance app, String login, String key) throws Exception {
        Drain drain = new Drain();
        try (SmtpTestClient smtp = TwoInstancesIT.authenticated(app.smtpPort, key)) {
            smtp.command("MAIL FROM:<it@example.com>");
            smtp.command("RCPT TO:<draining@example.net>");
            Reply go = smtp.command("DATA");
            if (!go.is(354)) {
                throw new AssertionError("DATA: " + go);
            }
            smtp.write("From: it@example.com\r\nTo: draining@example.net\r\nSubject: drain\r\n\r\nThe first half,\r\n");
            app.terminate();
            TwoInstancesIT.awaitCondition(app.name + " unready", () -> !app.isReady());
            drain.unreadyWhileStillListening = app.relayAccepts();
            TwoInstancesIT.awaitCondition(app.name + " stops listening", () -> !app.relayAccepts());
            drain.stoppedListeningDuringData = app.isAlive();
            drain.dataReply = smtp.data("and the second half.\r\n");
            smtp.command("QUIT");
        }
        app.awaitExit();
        return drain;
    }

    boolean unreadyWhileStillListening() {
        return unreadyWhileStillListening;
    }

    boolean stoppedListeningDuringData() {
        return stoppedListeningDuringData;
    }

    Reply dataReply() {
        return dataReply;
    }
}
