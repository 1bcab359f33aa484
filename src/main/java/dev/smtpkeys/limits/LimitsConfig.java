package dev.smtpkeys.limits;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Settings of the shared limit counters' upkeep. */
@ConfigMapping(prefix = "smtpkeys.limits")
public interface LimitsConfig {

    /** How often rows whose window has ended are deleted. */
    @WithDefault("1M")
    Duration cleanupInterval();

    /** Rows deleted per statement; the cleanup repeats until a batch comes back short. */
    @WithDefault("1000")
    @Min(1)
    int cleanupBatch();
}
