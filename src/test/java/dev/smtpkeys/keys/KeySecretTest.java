package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KeySecretTest {

    @Test
    void generatedKeyHasPrefixLengthAndBase62Body() {
        String key = KeySecret.generate();
        assertTrue(key.startsWith("smtpk_"));
        assertEquals(52, key.length());
        assertTrue(key.substring(6).matches("[0-9A-Za-z]{46}"));
    }

    @Test
    void generatedKeysAreWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String key = KeySecret.generate();
            assertTrue(KeySecret.isWellFormed(key));
            assertTrue(seen.add(key));
        }
    }

    @Test
    void anyMistypedCharacterBreaksTheChecksum() {
        String key = KeySecret.generate();
        for (int i = KeySecret.PREFIX.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            char other = c == 'a' ? 'b' : 'a';
            String typo = key.substring(0, i) + other + key.substring(i + 1);
            assertFalse(KeySecret.isWellFormed(typo), "typo at " + i);
        }
    }

    @Test
    void rejectsWrongPrefixLengthAndAlphabet() {
        String key = KeySecret.generate();
        assertFalse(KeySecret.isWellFormed(null));
        assertFalse(KeySecret.isWellFormed(""));
        assertFalse(KeySecret.isWellFormed("smtpx_" + key.substring(6)));
        assertFalse(KeySecret.isWellFormed(key + "0"));
        assertFalse(KeySecret.isWellFormed(key.substring(0, 51)));
        assertFalse(KeySecret.isWellFormed(key.substring(0, 20) + "-" + key.substring(21)));
    }

    @Test
    void checksumIsSixBase62CharactersOfCrc32() {
        assertEquals("000000", KeySecret.checksum(""));
        // CRC32("a") = 0xE8B7BE43 = 3904355907, in six base62 digits (0-9A-Za-z), worked out by hand
        assertEquals("4GEHKN", KeySecret.checksum("a"));
    }

    @Test
    void hashIsSha256OfTheKeyAndSuffixTheLastTwoCharacters() {
        // the FIPS 180-2 test vector, and a key-shaped value checked with `printf %s … | sha256sum`
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(KeySecret.hash("abc")));
        assertEquals("8463ea5ff743b48fcafc0197fcd428bc678f0b10f54b5aa7a309066cd0743ad7",
                HexFormat.of().formatHex(KeySecret.hash("smtpk_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcd")));
        String key = KeySecret.generate();
        assertEquals(key.substring(50), KeySecret.suffix(key));
    }
}
