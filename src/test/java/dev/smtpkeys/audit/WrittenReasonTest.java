package dev.smtpkeys.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WrittenReasonTest {

    @Test
    void tenToFiveHundredCharactersAsStored() {
        assertEquals(WrittenReason.Problem.TOO_SHORT, WrittenReason.problem(WrittenReason.normalize(null)));
        assertEquals(WrittenReason.Problem.TOO_SHORT, WrittenReason.problem(WrittenReason.normalize("   ")));
        assertEquals(WrittenReason.Problem.TOO_SHORT, WrittenReason.problem(WrittenReason.normalize("  123456789  ")));
        assertNull(WrittenReason.problem(WrittenReason.normalize("  1234567890 ")));
        assertNull(WrittenReason.problem("x".repeat(500)));
        assertEquals(WrittenReason.Problem.TOO_LONG, WrittenReason.problem("x".repeat(501)));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertNull(WrittenReason.problem("😀".repeat(500)));
        assertEquals(WrittenReason.Problem.TOO_LONG, WrittenReason.problem("😀".repeat(501)));
    }

    @Test
    void storesOneFormOfTheSameText() {
        assertEquals("line one\nline two", WrittenReason.normalize(" line one\r\nline two\n"));
        // "é" typed as e + combining accent is stored composed, as the activity log and search expect
        assertEquals("caf\u00e9 closed", WrittenReason.normalize("cafe\u0301 closed"));
    }
}
