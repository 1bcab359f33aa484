package dev.smtpkeys.relay;

import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.smtpkeys.limits.ClientNetwork;
import dev.smtpkeys.limits.Counter;
import dev.smtpkeys.limits.Limit;
import dev.smtpkeys.limits.LimitStore;
import dev.smtpkeys.limits.LimitStoreException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts failed SMTP AUTH per client network (an IPv4 address, an IPv6 /64) in the shared
 * {@link LimitStore}: {@code max-failures} within {@code window}, on any instance, block that network
 * for {@code block} on every instance. A successful AUTH costs nothing here. Each instance remembers
 * the blocks it has seen in a small bounded cache, so a blocked flooder is turned away without a
 * database read; a client not known to be blocked costs one primary-key read per connection.
 * Should the database be away, nobody is blocked (AUTH itself then answers 454 anyway).
 */
@ApplicationScoped
public class AuthThrottle {

    private static final Logger LOG = Logger.getLogger(AuthThrottle.class);
    /** Blocks remembered locally; beyond this the least recently used are dropped (the database still knows). */
    static final int MAX_REMEMBERED = 100_000;

    private final LimitStore store;
    private final Limit limit;
    private final Cache<String, Instant> blocked;

    @Inject
    AuthThrottle(RelayConfig config, LimitStore store) {
        this(config.throttle(), store);
    }

    AuthThrottle(RelayConfig.Throttle config, LimitStore store) {
        this.store = store;
        this.limit = Limit.of("smtp-auth", config.maxFailures(), config.window()).blockingFor(config.block());
        this.blocked = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(config.block().plus(Duration.ofMinutes(1))).build();
    }

    /** Whether the network of {@code ip} is blocked now, as far as this instance has seen (no database work). */
    public boolean isKnownBlocked(String ip) {
        Instant until = blocked.getIfPresent(ClientNetwork.of(ip));
        return until != null && store.now().isBefore(until);
    }

    /** Whether the network of {@code ip} is blocked now, on any instance. */
    public boolean isBlocked(String ip) {
        if (isKnownBlocked(ip)) {
            return true;
        }
        String network = ClientNetwork.of(ip);
        try {
            return store.peek(limit, network).map(counter -> remember(network, counter)).orElse(false);
        } catch (LimitStoreException e) {
            LOG.debug("AUTH throttle unreadable; letting the connection in", e);
            return false;
        }
    }

    /** Records a failed AUTH; answers whether the network of {@code ip} is blocked from now on. */
    public boolean recordFailure(String ip) {
        String network = ClientNetwork.of(ip);
        try {
            return remember(network, store.hit(limit, network));
        } catch (LimitStoreException e) {
            LOG.debug("AUTH failure not counted: the limit store is away", e);
            return isKnownBlocked(ip);
        }
    }

    private boolean remember(String network, Counter counter) {
        if (counter.isBlocked(store.now())) {
            blocked.put(network, counter.blockedUntil());
            return true;
        }
        return false;
    }
}
