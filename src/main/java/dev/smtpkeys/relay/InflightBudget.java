package dev.smtpkeys.relay;

import java.util.concurrent.Semaphore;

/**
 * The bytes of all messages being received at once, in 64 KB units. Each mail transaction holds a
 * {@link Hold} that grows as its message arrives (or at once by the SIZE the client declared); when the
 * budget cannot grow, the relay answers {@code 452 4.3.1} and the client tries again later.
 */
final class InflightBudget {

    static final int UNIT = 64 * 1024;

    private final Semaphore units;
    private final int total;

    InflightBudget(long bytes) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        this.units = new Semaphore(total);
    }

    /** A new, empty hold. */
    Hold hold() {
        return new Hold();
    }

    /** Bytes not held by anyone, for the metrics. */
    long availableBytes() {
        return (long) units.availablePermits() * UNIT;
    }

    long totalBytes() {
        return (long) total * UNIT;
    }

    /** What one transaction holds; never blocks, and {@link #release()} may be called any number of times. */
    final class Hold implements AutoCloseable {

        private int held;

        private Hold() {
        }

        /** Makes the hold cover {@code bytes} in all; false (and nothing more held) when the budget is spent. */
        synchronized boolean cover(long bytes) {
            long needed = (bytes + UNIT - 1) / UNIT - held;
            if (needed <= 0) {
                return true;
            }
            if (needed > total || !units.tryAcquire((int) needed)) {
                return false;
            }
            held += (int) needed;
            return true;
        }

        synchronized void release() {
            units.release(held);
            held = 0;
        }

        @Override
        public void close() {
            release();
        }
    }
}
