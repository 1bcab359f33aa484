package dev.smtpkeys.limits;

import java.net.InetAddress;
import java.util.Arrays;

import io.netty.util.NetUtil;

/**
 * The unit a per-client limit counts: an IPv4 address as it is, an IPv6 address by its /64. One
 * household, office or server gets a whole /64 from its provider and can pick any address in it, so
 * counting single IPv6 addresses would hand an attacker 2^64 fresh budgets.
 */
public final class ClientNetwork {

    private ClientNetwork() {
    }

    /** The network of a literal IP address ({@code 192.0.2.7}, {@code 2001:db8::1}); anything else is returned as it is. */
    public static String of(String ip) {
        if (ip == null || ip.isBlank()) {
            return "unknown";
        }
        // only ever parses literals: never a DNS lookup
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip.strip());
        return bytes == null ? ip.strip() : of(bytes);
    }

    /** The network of {@code address}. */
    public static String of(InetAddress address) {
        return of(address.getAddress());
    }

    private static String of(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        if (isIpv4Mapped(bytes)) {
            return of(Arrays.copyOfRange(bytes, 12, 16));
        }
        StringBuilder prefix = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
