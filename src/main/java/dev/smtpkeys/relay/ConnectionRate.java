package dev.smtpkeys.relay;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;

/**
 * New connections per minute per client, as token buckets (Bucket4j) that refill evenly. A session that
 * authenticates gives its token back, so customers reconnecting for every message are never slowed;
 * scanners and idle floods are. Buckets of clients quiet for two minutes (full again) are forgotten,
 * and at most 100,000 are kept, so a spoofed-source flood cannot fill memory.
 */
final class ConnectionRate {

    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(2)).build();

    ConnectionRate(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes a token for a new connection from {@code client}; false when it has none left. */
    boolean tryAcquire(String client) {
        return buckets.get(client, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build()).tryConsume(1);
    }

    /** Gives back the token of a connection that turned out to be a customer's. */
    void giveBack(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }
}
