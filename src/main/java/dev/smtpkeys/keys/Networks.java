package dev.smtpkeys.keys;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A key's allowlist as typed: IPv4 and IPv6 addresses and CIDR ranges, one per line or separated by
 * commas or spaces. Plain Java that never asks DNS: only address literals are read, so a host name is
 * simply not an address. A range with host bits set is refused with the network it probably meant.
 */
public final class Networks {

    /** At most this many entries per key. */
    public static final int MAX_ENTRIES = 50;
    /** At most this many characters typed. */
    public static final int MAX_TEXT = 4000;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

    private Networks() {
    }

    /** Why an entry, or the whole list, is not acceptable; {@code entry} is what was typed, {@code suggestion} a fix. */
    public record Problem(Kind kind, String entry, String suggestion) {
        /** What is wrong. */
        public enum Kind { INVALID, HOST_BITS, TOO_MANY }
    }

    /** Thrown by {@link #parse}: the first problem found. */
    public static final class InvalidException extends RuntimeException {
        private final Problem problem;

        InvalidException(Problem problem) {
            super(problem.kind().name(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The typed list, normalized ({@code 10.0.0.0/8}, a single address without prefix), without duplicates. */
    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidException(new Problem(Problem.Kind.TOO_MANY, null, null));
        }
        Set<String> networks = new LinkedHashSet<>();
        for (String entry : SEPARATORS.split(text.strip())) {
            if (!entry.isEmpty()) {
                networks.add(normalize(entry));
            }
        }
        if (networks.size() > MAX_ENTRIES) {
            throw new InvalidException(new Problem(Problem.Kind.TOO_MANY, null, null));
        }
        return new ArrayList<>(networks);
    }

    /** One entry, normalized; see {@link #parse}. */
    public static String normalize(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw invalid(entry);
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = entry.substring(slash + 1);
            if (!PREFIX.matcher(digits).matches() || Integer.parseInt(digits) > bits) {
                throw invalid(entry);
            }
            prefix = Integer.parseInt(digits);
        }
        byte[] network = masked(bytes, prefix);
        String normalized = format(network, prefix, bits);
        if (!java.util.Arrays.equals(bytes, network)) {
            throw new InvalidException(new Problem(Problem.Kind.HOST_BITS, entry, normalized));
        }
        return normalized;
    }

    /** How the database's {@code cidr} text reads on a page: a single address without its /32 or /128. */
    public static String display(String cidr) {
        if (cidr.endsWith("/32") && !cidr.contains(":")) {
            return cidr.substring(0, cidr.length() - 3);
        }
        return cidr.endsWith("/128") ? cidr.substring(0, cidr.length() - 4) : cidr;
    }

    private static byte[] literal(String address) {
        if (IPV4.matcher(address).matches()) {
            byte[] bytes = new byte[4];
            String[] parts = address.split("\\.");
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(parts[i]);
                if (value > 255) {
                    return null;
                }
                bytes[i] = (byte) value;
            }
            return bytes;
        }
        if (!IPV6.matcher(address).matches()) {
            return null;
        }
        try {
            // a literal with a colon is parsed, never looked up
            InetAddress parsed = InetAddress.getByName(address);
            return parsed instanceof Inet4Address ? null : parsed.getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] masked(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
        }
        return out;
    }

    private static String format(byte[] network, int prefix, int bits) {
        String address;
        try {
            address = InetAddress.getByAddress(network).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        if (network.length == 16) {
            address = compress(address);
        }
        return prefix == bits ? address : address + "/" + prefix;
    }

    /** Java writes IPv6 in full ({@code 2001:db8:0:0:0:0:0:1}); people and PostgreSQL write {@code 2001:db8::1}. */
    static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    private static InvalidException invalid(String entry) {
        return new InvalidException(new Problem(Problem.Kind.INVALID, entry, null));
    }
}
