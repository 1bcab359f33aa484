package dev.smtpkeys.web;

import java.time.Clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock that every time rule reads (expiry, rotation deadlines, stale keys, sudo mode), so
 * tests can move time instead of sleeping: any other {@link Clock} bean replaces this default.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
