package io.chaintill.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A switchable TCP path to a real service on 127.0.0.1: closed, the port refuses connections (the service
 * looks down, as in an outage); open, it forwards every byte. Lets tests cut a real node off and bring it back
 * without changing its chain.
 */
public final class TcpForwarder implements AutoCloseable {
    private final int listenPort;
    private final int targetPort;
    private final List<Socket> sockets = new ArrayList<>();
    private ServerSocket server;

    public TcpForwarder(int listenPort, int targetPort) {
        this.listenPort = listenPort;
        this.targetPort = targetPort;
    }

    public int port() {
        return listenPort;
    }

    public synchronized void open() {
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket accepting = server;
        Thread acceptor = new Thread(() -> accept(accepting), "forwarder-" + listenPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops listening and cuts every open connection. */
    public synchronized void cut() {
        try {
            if (server != null) {
                server.close();
            }
            for (Socket s : sockets) {
                s.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        sockets.clear();
        server = null;
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocket accepting) {
        while (!accepting.isClosed()) {
            try {
                Socket in = accepting.accept();
                Socket out = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                synchronized (this) {
                    sockets.add(in);
                    sockets.add(out);
                }
                pipe(in, out);
                pipe(out, in);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
