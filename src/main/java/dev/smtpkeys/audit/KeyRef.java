package dev.smtpkeys.audit;

/**
 * A key as an audit event names it: copied, not referenced, so the line still says which key it was
 * after the key is deleted. The master key has no name; {@code master} says it was that one.
 */
public record KeyRef(long id, String name, String suffix, boolean master) {
}
