package dev.smtpkeys.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientNetworkTest {

    @Test
    void ipv4CountsPerAddress() {
        assertEquals("192.0.2.7", ClientNetwork.of("192.0.2.7"));
        assertNotEquals(ClientNetwork.of("192.0.2.7"), ClientNetwork.of("192.0.2.8"));
    }

    @Test
    void ipv6CountsPerSlash64() {
        assertEquals("2001:db8:1:2::/64", ClientNetwork.of("2001:db8:1:2::1"));
        assertEquals(ClientNetwork.of("2001:db8:1:2:ffff:1:2:3"), ClientNetwork.of("2001:0db8:0001:0002::9"));
        assertNotEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("2001:db8:1:3::1"));
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Address() {
        assertEquals("192.0.2.7", ClientNetwork.of("::ffff:192.0.2.7"));
    }

    @Test
    void whatIsNoAddressStaysAsItIs() {
        assertEquals("unknown", ClientNetwork.of((String) null));
        assertEquals("not-an-ip", ClientNetwork.of("not-an-ip"));
    }
}
