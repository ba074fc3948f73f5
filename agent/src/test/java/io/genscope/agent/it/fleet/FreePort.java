package io.genscope.agent.it.fleet;

import java.io.IOException;
import java.net.ServerSocket;

/** A loopback port free at the time of asking, for a server a test starts. */
final class FreePort {

    private FreePort() {
    }

    static int next() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
