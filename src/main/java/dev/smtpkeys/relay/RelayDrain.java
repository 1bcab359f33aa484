package dev.smtpkeys.relay;

import java.time.Duration;

/**
 * Mail transactions in progress, and whether the relay is shutting down. Once draining, no new
 * transaction starts ({@code 421 4.3.2}); those already started may finish, and {@link #awaitIdle}
 * waits for them, bounded, before the listeners close every session.
 */
final class RelayDrain {

    private int inFlight;
    private boolean draining;

    /** Starts a transaction; false when draining (then nothing was counted). */
    synchronized boolean enter() {
        if (draining) {
            return false;
        }
        inFlight++;
        return true;
    }

    synchronized void leave() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    synchronized boolean isDraining() {
        return draining;
    }

    /** From now on no transaction starts. */
    synchronized void begin() {
        draining = true;
    }

    /** Waits until no transaction is in progress or {@code timeout} has passed; answers how many are left. */
    synchronized int awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return inFlight;
    }
}
