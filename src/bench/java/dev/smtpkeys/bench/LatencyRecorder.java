package dev.smtpkeys.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, added from several threads, summarised as percentiles. */
final class LatencyRecorder {

    private long[] values = new long[4096];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized String summary() {
        if (size == 0) {
            return "n=0";
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return String.format("n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", size, ms(sorted, 0.50), ms(sorted, 0.99),
                sorted[size - 1] / 1e6);
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
