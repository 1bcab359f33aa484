package dev.smtpkeys.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading a typed allowlist: plain Java, no DNS. */
class NetworksTest {

    @Test
    void addressesAndRangesOfBothFamiliesAreNormalized() {
        assertEquals(List.of("203.0.113.7", "10.0.0.0/8", "2001:db8::/32", "2001:db8::1"),
                Networks.parse(" 203.0.113.7\n10.0.0.0/8, 2001:DB8:0:0::/32;2001:db8::1 "));
    }

    @Test
    void anEmptyListMeansEverywhere() {
        assertEquals(List.of(), Networks.parse("  \n "));
        assertEquals(List.of(), Networks.parse(null));
    }

    @Test
    void duplicatesCountOnce() {
        assertEquals(List.of("192.0.2.1"), Networks.parse("192.0.2.1 192.0.2.1/32"));
    }

    @Test
    void hostNamesAndNonsenseAreRefusedWithTheEntry() {
        for (String entry : List.of("example.com", "localhost", "256.1.1.1", "10.0.0.0/33", "2001:db8::/129",
                "10.0.0", "1.2.3.4/", "1.2.3.4/x", "fe80::1%eth0", "::ffff:1.2.3.4")) {
            Networks.InvalidException e = assertThrows(Networks.InvalidException.class, () -> Networks.parse(entry), entry);
            assertEquals(Networks.Problem.Kind.INVALID, e.problem().kind(), entry);
            assertEquals(entry, e.problem().entry());
        }
    }

    @Test
    void aRangeWithHostBitsSuggestsItsNetwork() {
        Networks.InvalidException e = assertThrows(Networks.InvalidException.class, () -> Networks.parse("10.1.2.3/8"));
        assertEquals(new Networks.Problem(Networks.Problem.Kind.HOST_BITS, "10.1.2.3/8", "10.0.0.0/8"), e.problem());
        e = assertThrows(Networks.InvalidException.class, () -> Networks.parse("2001:db8::1/64"));
        assertEquals("2001:db8::/64", e.problem().suggestion());
    }

    @Test
    void tooManyEntriesAreRefused() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= Networks.MAX_ENTRIES; i++) {
            text.append("192.0.2.").append(i).append('\n');
        }
        assertEquals(Networks.Problem.Kind.TOO_MANY,
                assertThrows(Networks.InvalidException.class, () -> Networks.parse(text.toString())).problem().kind());
    }

    @Test
    void singleAddressesAreShownWithoutTheirPrefix() {
        assertEquals("192.0.2.1", Networks.display("192.0.2.1/32"));
        assertEquals("2001:db8::1", Networks.display("2001:db8::1/128"));
        assertEquals("10.0.0.0/8", Networks.display("10.0.0.0/8"));
    }
}
