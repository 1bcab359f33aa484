package dev.smtpkeys.keys;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.qute.TemplateGlobal;

/** How long a rotated key keeps working next to its replacement; in forms by {@link #value()}. */
public enum RotationGrace {
    NOW("now", Duration.ZERO),
    HOUR("1h", Duration.ofHours(1)),
    DAY("24h", Duration.ofHours(24)),
    WEEK("7d", Duration.ofDays(7)),
    /** Until the replacement's first successful AUTH in the relay. */
    FIRST_USE("first-use", null);

    /** The choices, in the order the rotate dialog offers them. */
    @TemplateGlobal(name = "rotationGraces")
    static final List<RotationGrace> ALL = List.of(values());

    private final String value;
    private final Duration duration;

    RotationGrace(String value, Duration duration) {
        this.value = value;
        this.duration = duration;
    }

    public String value() {
        return value;
    }

    /** The fixed grace; empty for {@link #FIRST_USE}. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    public static Optional<RotationGrace> fromValue(String value) {
        for (RotationGrace grace : values()) {
            if (grace.value.equals(value)) {
                return Optional.of(grace);
            }
        }
        return Optional.empty();
    }
}
