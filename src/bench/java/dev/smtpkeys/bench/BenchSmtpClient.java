package dev.smtpkeys.bench;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The few SMTP commands the benchmark sends, in lock-step over a plain socket, so that what is timed
 * is the relay's answer and not a mail library's pipelining or connection reuse. The bench keeps its
 * own client instead of borrowing the tests' one, so it builds whatever the tests look like.
 * STARTTLS trusts any certificate: the benchmarked relay runs with a self-signed one.
 */
final class BenchSmtpClient implements Closeable {

    /** One (possibly multi-line) reply; a closed connection reads as code -1. */
    record Reply(int code, String text) {

        boolean is(int expected) {
            return code == expected;
        }

        @Override
        public String toString() {
            return code + " " + text;
        }
    }

    private static final SSLContext TRUST_ALL = trustAll();

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    private BenchSmtpClient(Socket socket) throws IOException {
        use(socket);
    }

    /** Connects to localhost:{@code port}, from {@code sourceAddress} if given (a loopback address of its own). */
    static BenchSmtpClient connect(int port, String sourceAddress) throws IOException {
        Socket socket = new Socket();
        if (sourceAddress != null) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket.setSoTimeout(20_000);
        socket.setTcpNoDelay(true);
        return new BenchSmtpClient(socket);
    }

    /** Connects and expects the 220 greeting. */
    static BenchSmtpClient open(int port) throws IOException {
        BenchSmtpClient client = connect(port, null);
        Reply greeting = client.read();
        if (!greeting.is(220)) {
            client.close();
            throw new IOException("no greeting: " + greeting);
        }
        return client;
    }

    Reply ehlo() throws IOException {
        return command("EHLO bench.example");
    }

    /** STARTTLS and the handshake; the caller sends EHLO again. */
    void startTls() throws IOException {
        Reply reply = command("STARTTLS");
        if (!reply.is(220)) {
            throw new IOException("STARTTLS refused: " + reply);
        }
        SSLSocket tls = (SSLSocket) TRUST_ALL.getSocketFactory().createSocket(socket,
                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        use(tls);
    }

    Reply authPlain(String login, String key) throws IOException {
        byte[] token = ("\0" + login + "\0" + key).getBytes(StandardCharsets.UTF_8);
        return command("AUTH PLAIN " + Base64.getEncoder().encodeToString(token));
    }

    /** MAIL, RCPT, DATA and the message (CRLF lines, no line starting with a dot); the first refusal or the last reply. */
    Reply send(String from, String to, String message) throws IOException {
        Reply reply = command("MAIL FROM:<" + from + ">");
        if (reply.is(250)) {
            reply = command("RCPT TO:<" + to + ">");
        }
        if (reply.is(250)) {
            reply = command("DATA");
        }
        return reply.is(354) ? command(message + ".") : reply;
    }

    void quit() throws IOException {
        command("QUIT");
        close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    Reply read() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                return new Reply(-1, text.toString());
            }
            if (line.length() < 3) {
                throw new IOException("not an SMTP reply: " + line);
            }
            text.append(line.length() > 4 ? line.substring(4) : "").append('\n');
            if (line.length() == 3 || line.charAt(3) != '-') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), text.toString().strip());
            }
        }
    }

    private Reply command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read();
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        out = s.getOutputStream();
    }

    private static SSLContext trustAll() {
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
            throw new IllegalStateException(e);
        }
    }
}
