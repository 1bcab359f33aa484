package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.account.Actor;

class KeyReasonsTest {

    private static final Actor SUPPORT = new Actor(1L, "support", "s@example.org", "10.0.0.1");
    private static final Actor USER = new Actor(2L, "user", "u@example.org", "10.0.0.2");

    private static KeyProblem problemOf(String reason) {
        return assertThrows(KeyException.class, () -> KeyReasons.forActor(SUPPORT, reason)).problem();
    }

    @Test
    void supportMustGiveAWrittenReason() {
        assertEquals(KeyProblem.REASON_TOO_SHORT, problemOf(null));
        assertEquals(KeyProblem.REASON_TOO_SHORT, problemOf("  123456789  "));
        assertEquals("1234567890", KeyReasons.forActor(SUPPORT, "  1234567890 "));
        assertEquals(KeyProblem.REASON_TOO_LONG, problemOf("x".repeat(501)));
    }

    @Test
    void anAccountUsersOwnChangeCarriesNoReason() {
        assertNull(KeyReasons.forActor(USER, "anything the form sent"));
        assertNull(KeyReasons.forActor(Actor.system(), null));
    }
}
