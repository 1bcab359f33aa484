package dev.smtpkeys.relay;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;

/**
 * A listening socket that can stop taking connections before its SubEthaSMTP server stops: after
 * {@link #drain()} the kernel refuses new connections while the sessions already running go on.
 * SubEthaSMTP's accept loop would log an error and retry every second on a socket closed under it,
 * so {@link #accept()} waits quietly instead until the server's own stop closes it again.
 */
final class DrainableServerSocket extends ServerSocket {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean draining;

    DrainableServerSocket() throws IOException {
        super();
    }

    /** Stops listening; the sessions already accepted are not touched. */
    void drain() throws IOException {
        draining = true;
        super.close();
    }

    @Override
    public Socket accept() throws IOException {
        try {
            return super.accept();
        } catch (IOException e) {
            if (draining) {
                try {
                    stopped.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        stopped.countDown();
        super.close();
    }
}
