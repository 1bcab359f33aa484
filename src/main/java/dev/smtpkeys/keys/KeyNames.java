package dev.smtpkeys.keys;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The rules for a key's name: trimmed, 1 to 64 characters, no control or format characters, no
 * Unicode noncharacters or lone surrogates. Bidi controls (U+202A–U+202E, U+2066–U+2069) are format
 * characters: refused, because a name is shown beside others in the key table, in the audit log and
 * to support, and a direction override would let it display as something else (Trojan-Source-style
 * spoofing of "which key is this"). Noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF…) are for a
 * program's internal use and never meant for interchange; they show as boxes or nothing at all.
 */
public final class KeyNames {

    public static final int MAX_LENGTH = 64;

    /**
     * The name the master key was stored with until it got none (V6). No other key may take it, as
     * none could while the master key held it: such a key would read like the master password.
     */
    static final String RESERVED = "Master password";

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
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                || Character.getType(c) == Character.SURROGATE
                || isNoncharacter(c));
        if (control) {
            throw new KeyException(KeyProblem.NAME_CONTROL_CHARACTERS);
        }
        return name;
    }

    static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    /** Whether {@code name} (as stored) is the reserved one, ignoring case as the per-account uniqueness does. */
    static boolean isReserved(String name) {
        return name.toLowerCase(Locale.ROOT).equals(RESERVED.toLowerCase(Locale.ROOT));
    }
}
