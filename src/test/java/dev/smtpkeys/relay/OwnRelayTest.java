package dev.smtpkeys.relay;

import dev.smtpkeys.support.RelayFixtures;
import jakarta.inject.Inject;

/**
 * Base of a {@code @QuarkusTest} that starts relays of its own with {@code TestRelays.start(server, config, …)}
 * beside the app's, and the fixtures to give them keys.
 */
abstract class OwnRelayTest {

    @Inject
    RelayFixtures fixtures;

    @Inject
    RelayServer server;

    @Inject
    RelayConfig config;
}
