package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyNamesTest {

    private static KeyProblem problemOf(String name) {
        return assertThrows(KeyException.class, () -> KeyNames.normalize(name)).problem();
    }

    @Test
    void trimsAndKeepsUnicode() {
        assertEquals("Shop – Café", KeyNames.normalize("  Shop – Café \t"));
    }

    @Test
    void emptyOrBlankIsRequired() {
        assertEquals(KeyProblem.NAME_REQUIRED, problemOf(null));
        assertEquals(KeyProblem.NAME_REQUIRED, problemOf(""));
        assertEquals(KeyProblem.NAME_REQUIRED, problemOf("   "));
    }

    @Test
    void sixtyFourCharactersFitSixtyFiveDoNot() {
        assertEquals(64, KeyNames.normalize("x".repeat(64)).length());
        assertEquals(KeyProblem.NAME_TOO_LONG, problemOf("x".repeat(65)));
        // counted in characters, not UTF-16 units
        assertEquals(64, KeyNames.normalize("😀".repeat(64)).codePointCount(0, 128));
    }

    @Test
    void controlAndInvisibleFormatCharactersAreRefused() {
        assertEquals(KeyProblem.NAME_CONTROL_CHARACTERS, problemOf("Shop\nCRM"));
        assertEquals(KeyProblem.NAME_CONTROL_CHARACTERS, problemOf("Shop\u0000"));
        assertEquals(KeyProblem.NAME_CONTROL_CHARACTERS, problemOf("Shop\u202Egnp"));
        assertEquals(KeyProblem.NAME_CONTROL_CHARACTERS, problemOf("a\u0085b"));
    }

    @Test
    void bidiControlsNoncharactersAndLoneSurrogatesAreRefused() {
        for (String name : new String[] { "\uffff\ufffe", "Shop\uFDD0", "Shop\uD83F\uDFFF", "a\u2066b\u2069",
                "Shop\u200F", "x\uD800y" }) {
            assertEquals(KeyProblem.NAME_CONTROL_CHARACTERS, problemOf(name), name);
        }
        assertEquals("Straße 😀 东京", KeyNames.normalize("Straße 😀 东京"));
    }
}
