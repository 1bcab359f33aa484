package dev.smtpkeys.keys;

import java.text.Normalizer;

/** The rules for a key's name: trimmed, 1 to 64 characters, no control characters. */
public final class KeyNames {

    public static final int MAX_LENGTH = 64;

    private KeyNames() {
    }

    /** The name as it will be stored, or a {@link KeyException} saying what is wrong with it. */
    public static String normalize(String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (name.isEmpty()) {
            throw new KeyException(KeyProblem.NAME_REQUIRED);
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new KeyException(KeyProblem.NAME_TOO_LONG);
        }
        boolean control = name.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
        if (control) {
            throw new KeyException(KeyProblem.NAME_CONTROL_CHARACTERS);
        }
        return name;
    }
}
