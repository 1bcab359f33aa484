package dev.smtpkeys.relay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;

/** The balancers whose PROXY protocol headers the relay believes: addresses and CIDR ranges from configuration. */
final class ProxyTrust {

    private final List<IpSubnetFilterRule> rules;

    ProxyTrust(List<String> trusted) {
        this.rules = trusted.stream().map(String::strip).filter(s -> !s.isEmpty()).map(ProxyTrust::rule).toList();
    }

    boolean trusts(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return rules.stream().anyMatch(rule -> rule.matches(socket));
    }

    private static IpSubnetFilterRule rule(String cidr) {
        try {
            if (cidr.contains("/")) {
                return new IpSubnetFilterRule(cidr, IpFilterRuleType.ACCEPT);
            }
            // a plain address: exactly that one
            return new IpSubnetFilterRule(cidr, cidr.contains(":") ? 128 : 32, IpFilterRuleType.ACCEPT);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("smtpkeys.relay.trusted-proxies: not an address or CIDR range: " + cidr, e);
        }
    }
}
