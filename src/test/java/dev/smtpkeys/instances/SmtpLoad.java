package dev.smtpkeys.instances;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.smtpkeys.support.SmtpTestClient;
import dev.smtpkeys.support.SmtpTestClient.Reply;

/**
 * SMTP clients that keep sending through the balancer as an MTA would: STARTTLS, AUTH, then a few
 * messages per session, QUIT, and again; after a temporary refusal ({@code 421}, {@code 451}) they
 * reconnect and go on. Each message has its own recipient ({@code <prefix><client>-<n>@example.net}),
 * so what was acknowledged can be compared with what the queue holds. Every answer that is neither a
 * success nor one of those two retries, and every connection lost without an answer, is recorded.
 */
final class SmtpLoad implements AutoCloseable {

    /** Where a session's greeting came from, and when (System.nanoTime). */
    record Greeting(String instance, long at) {
    }

    private static final int MESSAGES_PER_SESSION = 10;

    private final int port;
    private final String login;
    private final String key;
    private final String prefix;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final List<Greeting> greetings = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger retries = new AtomicInteger();
    private volatile boolean running = true;

    SmtpLoad(int port, String login, String key, String prefix) {
        this.port = port;
        this.login = login;
        this.key = key;
        this.prefix = prefix;
    }

    /** Starts {@code clients} senders, each from its own loopback address (the relay sees it through PROXY). */
    SmtpLoad start(int clients) {
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread thread = new Thread(() -> run(client), "smtp-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void run(int client) {
        String source = "127.0.10." + (client + 1);
        AtomicInteger next = new AtomicInteger();
        while (running) {
            try (SmtpTestClient smtp = SmtpTestClient.connect(port, source)) {
                session(smtp, client, next);
            } catch (IOException e) {
                unexpected.add("client " + client + ": connection lost without an answer (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    private void session(SmtpTestClient smtp, int client, AtomicInteger next) throws IOException {
        Reply greeting = smtp.read();
        if (!expect(greeting, 220)) {
            return;
        }
        greetings.add(new Greeting(greeting.text().split(" ", 2)[0], System.nanoTime()));
        if (!expect(smtp.ehlo(), 250)) {
            return;
        }
        smtp.startTls();
        if (!expect(smtp.ehlo(), 250) || !expect(smtp.authPlain(login, key), 235)) {
            return;
        }
        for (int i = 0; i < MESSAGES_PER_SESSION && running; i++) {
            String recipient = prefix + client + "-" + next.getAndIncrement() + "@example.net";
            Reply reply = smtp.send("load@example.com", List.of(recipient), message(recipient));
            if (!expect(reply, 250)) {
                return;
            }
            acknowledged.add(recipient);
            AppInstance.pause(10); // an MTA's pace, not a flood: the point is the restart, not throughput
        }
        smtp.command("QUIT");
    }

    /** Whether {@code reply} is the expected one; a retry is counted, anything else recorded. */
    private boolean expect(Reply reply, int code) {
        if (reply.is(code)) {
            return true;
        }
        if (reply.is(421) || reply.is(451)) {
            retries.incrementAndGet();
        } else {
            unexpected.add(reply.code() < 0 ? "connection closed without an answer" : reply.toString());
        }
        return false;
    }

    static String message(String recipient) {
        return "From: load@example.com\r\nTo: " + recipient + "\r\nSubject: load\r\n\r\nOne message of the load.\r\n";
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    List<String> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    int retries() {
        return retries.get();
    }

    /** Whether a session was greeted by {@code instance} after {@code since} (System.nanoTime). */
    boolean greetedBy(String instance, long since) {
        synchronized (greetings) {
            return greetings.stream().anyMatch(g -> g.instance().equals(instance) && g.at() > since);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
