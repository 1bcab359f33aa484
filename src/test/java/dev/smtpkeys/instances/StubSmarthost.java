package dev.smtpkeys.instances;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.subethamail.wiser.Wiser;

/**
 * The smarthost both instances deliver to: SubEthaSMTP's Wiser in the test's JVM, counting how often
 * each recipient arrived. A gate can hold the first deliveries of a given kind until a number of them
 * wait at the same time: since one instance's worker sends one message after the other, two waiting at
 * once prove that both instances' workers are delivering concurrently.
 */
final class StubSmarthost implements AutoCloseable {

    private final Wiser wiser;
    private volatile String gatedPrefix;
    private volatile CountDownLatch gate;

    StubSmarthost() {
        wiser = Wiser.accepter(this::accept).port(0);
        wiser.getServer();
        wiser.start();
    }

    int port() {
        return wiser.getServer().getPortAllocated();
    }

    /** The next {@code parties} recipients starting with {@code prefix} each wait until all of them are waiting. */
    void gate(String prefix, int parties) {
        gate = new CountDownLatch(parties);
        gatedPrefix = prefix;
    }

    /** Whether the gate opened: all its parties waited at the same time. */
    boolean gateOpened() {
        return gate != null && gate.getCount() == 0;
    }

    /** How many times each recipient starting with {@code prefix} was delivered (the whole message, after DATA). */
    Map<String, Long> deliveries(String prefix) {
        synchronized (wiser.getMessages()) {
            return wiser.getMessages().stream().map(m -> m.getEnvelopeReceiver().toLowerCase(Locale.ROOT))
                    .filter(r -> r.startsWith(prefix))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
    }

    private boolean accept(String from, String recipient) {
        String prefix = gatedPrefix;
        CountDownLatch latch = gate;
        if (prefix != null && latch != null && latch.getCount() > 0 && recipient.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            latch.countDown();
            try {
                // bounded: a worker that never comes fails the test (gateOpened() stays false), it does not hang it
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    @Override
    public void close() {
        wiser.stop();
    }
}
