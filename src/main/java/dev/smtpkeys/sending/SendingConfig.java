package dev.smtpkeys.sending;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The sending limits every account has unless support set others for it. */
@ConfigMapping(prefix = "smtpkeys.sending")
public interface SendingConfig {

    /** Messages one account may hand to the relay per minute (a calendar minute, UTC). */
    @WithDefault("100")
    @Min(1)
    @Max(SendingLimits.MAX_PER_MINUTE)
    int perMinute();

    /** Messages one account may hand to the relay per day (a calendar day, UTC). */
    @WithDefault("1000")
    @Min(1)
    @Max(SendingLimits.MAX_PER_DAY)
    int perDay();
}
