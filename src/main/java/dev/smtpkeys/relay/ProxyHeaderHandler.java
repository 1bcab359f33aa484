package dev.smtpkeys.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.jboss.logging.Logger;
import org.subethamail.smtp.internal.proxy.ProxyHandler;
import org.subethamail.smtp.server.Session;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.haproxy.HAProxyCommand;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;

/**
 * The PROXY protocol (v1 and v2, as HAProxy sends it) on a listener configured for it, believed only
 * from {@link ProxyTrust trusted} balancers: anyone else is answered {@code 421 4.7.0} before any
 * header byte is read. The header is read byte-exactly from the socket (nothing after it is consumed,
 * so implicit TLS can follow) and decoded by Netty's HAProxy decoder; SubEthaSMTP's own parser
 * misreads v2 lengths of 128 bytes and more. A header without a client (v2 LOCAL, v1 UNKNOWN: the
 * balancer's health check) leaves the balancer as the session's address.
 */
final class ProxyHeaderHandler implements ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHeaderHandler.class);
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final int V1_MAX = 107;
    private static final int V2_MAX_DATA = 4096;

    private final ProxyTrust trust;

    ProxyHeaderHandler(ProxyTrust trust) {
        this.trust = trust;
    }

    @Override
    public ProxyResult handle(InputStream buffered, OutputStream out, Session session) throws IOException {
        if (!trust.trusts(session.getRealRemoteAddress().getAddress())) {
            return new ProxyResult(421, "4.7.0 Connection not accepted: this port takes connections from the balancer only");
        }
        // the socket's own stream, not the session's buffered one: read exactly the header and no more
        byte[] header = read(session.getSocket().getInputStream());
        if (header == null) {
            return malformed(session);
        }
        EmbeddedChannel channel = new EmbeddedChannel(new HAProxyMessageDecoder());
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(header));
            HAProxyMessage message = channel.readInbound();
            if (message == null) {
                return malformed(session);
            }
            try {
                HAProxyProxiedProtocol.AddressFamily family = message.proxiedProtocol().addressFamily();
                if (message.command() == HAProxyCommand.LOCAL || message.sourceAddress() == null
                        || family != HAProxyProxiedProtocol.AddressFamily.AF_IPv4
                                && family != HAProxyProxiedProtocol.AddressFamily.AF_IPv6) {
                    return ProxyResult.NOP;
                }
                // an address literal, checked by the decoder: no name lookup
                return new ProxyResult(new InetSocketAddress(InetAddress.getByName(message.sourceAddress()), message.sourcePort()));
            } finally {
                message.release();
            }
        } catch (RuntimeException e) {
            return malformed(session);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static ProxyResult malformed(Session session) {
        LOG.debugf("malformed PROXY protocol header from %s", session.getRealRemoteAddress());
        return new ProxyResult(421, "4.7.0 Malformed PROXY protocol header");
    }

    /** The whole header, or null when the bytes are not one. */
    private static byte[] read(InputStream in) throws IOException {
        int first = in.read();
        ByteArrayOutputStream header = new ByteArrayOutputStream(64);
        if (first == 'P') {
            header.write(first);
            int previous = first;
            while (header.size() < V1_MAX) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                header.write(b);
                if (previous == '\r' && b == '\n') {
                    return header.toByteArray();
                }
                previous = b;
            }
            return null;
        }
        if (first != V2_SIGNATURE[0]) {
            return null;
        }
        byte[] fixed = new byte[16];
        fixed[0] = (byte) first;
        if (in.readNBytes(fixed, 1, 15) != 15) {
            return null;
        }
        for (int i = 0; i < V2_SIGNATURE.length; i++) {
            if (fixed[i] != V2_SIGNATURE[i]) {
                return null;
            }
        }
        int length = (fixed[14] & 0xff) << 8 | (fixed[15] & 0xff);
        if (length > V2_MAX_DATA) {
            return null;
        }
        header.write(fixed);
        byte[] data = in.readNBytes(length);
        if (data.length != length) {
            return null;
        }
        header.write(data);
        return header.toByteArray();
    }
}
