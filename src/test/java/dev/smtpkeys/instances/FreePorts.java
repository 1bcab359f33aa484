package dev.smtpkeys.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports for processes this test starts (they cannot take port 0 and report back). A port is
 * asked of the kernel, released, and never handed out twice in one run; another program could take
 * it in between, which would show as a start failure naming the port, not as a wrong result.
 */
final class FreePorts {

    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    static int next() {
        for (int tries = 0; tries < 50; tries++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (GIVEN.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port");
    }
}
