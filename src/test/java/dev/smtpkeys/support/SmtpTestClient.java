package dev.smtpkeys.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A raw SMTP client over a socket, so tests (and the benchmark) see exactly the bytes and reply
 * codes on the wire. STARTTLS trusts any certificate: dev and test relays use a self-signed one.
 */
public final class SmtpTestClient implements Closeable {

    /** One (possibly multi-line) reply. */
    public record Reply(int code, String text) {

        public boolean is(int expected) {
            return code == expected;
        }

        @Override
        public String toString() {
            return code + " " + text;
        }
    }

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private SmtpTestClient(Socket socket) throws IOException {
        use(socket);
    }

    /** Connects to the relay on localhost from {@code sourceAddress} (a loopback address, so throttling tests keep their own IP). */
    public static SmtpTestClient connect(int port, String sourceAddress) throws IOException {
        Socket socket = new Socket();
        if (sourceAddress != null) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket.setSoTimeout(20_000);
        socket.setTcpNoDelay(true);
        return new SmtpTestClient(socket);
    }

    public static SmtpTestClient connect(int port) throws IOException {
        return connect(port, null);
    }

    /** Connects and checks the 220 greeting. */
    public static SmtpTestClient open(int port, String sourceAddress) throws IOException {
        SmtpTestClient client = connect(port, sourceAddress);
        Reply greeting = client.read();
        if (!greeting.is(220)) {
            client.close();
            throw new IOException("no greeting: " + greeting);
        }
        return client;
    }

    /** Connects to a port with TLS from the first byte (implicit TLS, RFC 8314) and checks the 220 greeting. */
    public static SmtpTestClient openTls(int port, String sourceAddress) throws IOException {
        SmtpTestClient client = connect(port, sourceAddress);
        client.handshake();
        Reply greeting = client.read();
        if (!greeting.is(220)) {
            client.close();
            throw new IOException("no greeting: " + greeting);
        }
        return client;
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        this.in = new BufferedInputStream(s.getInputStream());
        this.out = s.getOutputStream();
    }

    public Reply command(String line) throws IOException {
        write(line + "\r\n");
        return read();
    }

    public Reply ehlo() throws IOException {
        return command("EHLO client.example");
    }

    /** STARTTLS and the TLS handshake; the caller sends EHLO again. */
    public void startTls() throws IOException {
        Reply reply = command("STARTTLS");
        if (!reply.is(220)) {
            throw new IOException("STARTTLS refused: " + reply);
        }
        handshake();
    }

    /** The TLS handshake on the current socket, for tests that send STARTTLS themselves. */
    public void handshake() throws IOException {
        SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(socket,
                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        use(tls);
    }

    public Reply authPlain(String login, String key) throws IOException {
        String token = Base64.getEncoder().encodeToString(("\0" + login + "\0" + key).getBytes(StandardCharsets.UTF_8));
        return command("AUTH PLAIN " + token);
    }

    public Reply authLogin(String login, String key) throws IOException {
        Reply reply = command("AUTH LOGIN");
        if (!reply.is(334)) {
            return reply;
        }
        reply = command(Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        if (!reply.is(334)) {
            return reply;
        }
        return command(Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** MAIL, RCPT for each recipient, DATA and the message; answers the last reply (or the first refusal). */
    public Reply send(String from, List<String> to, String message) throws IOException {
        Reply reply = command("MAIL FROM:<" + from + ">");
        if (!reply.is(250)) {
            return reply;
        }
        for (String recipient : to) {
            reply = command("RCPT TO:<" + recipient + ">");
            if (!reply.is(250)) {
                return reply;
            }
        }
        reply = command("DATA");
        if (!reply.is(354)) {
            return reply;
        }
        return data(message.replace("\n.", "\n.."));
    }

    /** Writes {@code body} (already dot-stuffed) and the end-of-data marker, and reads the reply. */
    public Reply data(String body) throws IOException {
        write(body + (body.endsWith("\r\n") ? "" : "\r\n") + ".\r\n");
        return read();
    }

    public void write(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public void write(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Reads one reply; a closed connection reads as code -1. */
    public Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                return new Reply(-1, String.join("\n", lines));
            }
            if (line.length() < 3) {
                throw new IOException("not an SMTP reply: " + line);
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), String.join("\n", lines));
            }
        }
    }

    /** How long a read may wait, from now on (20 s unless changed). */
    public void timeout(java.time.Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** Everything the server still sends until it closes the connection. */
    public byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    /** Whether the server has closed the connection (reads end of stream). */
    public boolean isClosedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    public void quit() throws IOException {
        command("QUIT");
        close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (java.net.SocketException e) {
                b = -1;
            }
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
    }

    private static volatile SSLContext trustAll;

    private static SSLContext trustAll() throws IOException {
        if (trustAll == null) {
            trustAll = newTrustAll();
        }
        return trustAll;
    }

    private static SSLContext newTrustAll() throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
