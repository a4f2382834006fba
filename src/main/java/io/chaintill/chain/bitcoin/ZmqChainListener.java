package io.chaintill.chain.bitcoin;

import io.chaintill.chain.ChainWakeup;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Subscribes to bitcoind's ZMQ {@code hashblock} and {@code rawtx} notifications and rings a {@link ChainWakeup},
 * so a new block or transaction is looked at right away instead of at the next poll. Only a hint: the follower
 * still reads everything over RPC and keeps polling, so a missed or dropped notification loses nothing.
 */
public final class ZmqChainListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ZmqChainListener.class.getName());
    private static final int RECEIVE_TIMEOUT_MS = 1000;
    private static final byte[] HASHBLOCK = "hashblock".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RAWTX = "rawtx".getBytes(StandardCharsets.US_ASCII);
    private static final long TRANSACTION_SPACING_NANOS = 1_000_000_000L;

    private final String url;
    private final ChainWakeup wakeup;
    private final ZContext context = new ZContext(1);
    private volatile boolean closed;
    private volatile Thread listener;
    private volatile long notifications;
    private long lastTransactionRing;

    public ZmqChainListener(String url, ChainWakeup wakeup) {
        this.url = url;
        this.wakeup = wakeup;
    }

    public void start(ThreadFactory threads) {
        Thread t = threads.newThread(this::listen);
        t.setName("chaintill-zmq-" + url);
        t.setDaemon(true);
        listener = t;
        t.start();
    }

    public long notifications() {
        return notifications;
    }

    private void listen() {
        try (ZMQ.Socket socket = context.createSocket(SocketType.SUB)) {
            socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MS);
            socket.subscribe(HASHBLOCK);
            socket.subscribe(RAWTX);
            socket.connect(url); // reconnects by itself when the node restarts
            LOG.info("listening to bitcoind ZMQ notifications at " + url);
            while (!closed) {
                byte[] topic = socket.recv();
                if (topic == null) {
                    continue; // timeout: check closed
                }
                while (socket.hasReceiveMore()) {
                    socket.recv(); // body and sequence number: the follower reads the chain itself
                }
                notifications++;
                long now = System.nanoTime();
                // Every block wakes the follower; transactions at most once a second, since each pass lists the
                // whole mempool (on mainnet several transactions arrive per second).
                if (topic.length == HASHBLOCK.length || now - lastTransactionRing > TRANSACTION_SPACING_NANOS) {
                    if (topic.length != HASHBLOCK.length) {
                        lastTransactionRing = now;
                    }
                    wakeup.ring();
                }
            }
        } catch (ZMQException | IllegalStateException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "ZMQ listener at " + url + " stopped; polling continues", e);
            }
        }
    }

    /**
     * Stops the listener, then the context. The listener closes its own socket (a ZMQ socket belongs to one thread):
     * closing the context while the listener was still in {@code recv} closed the socket from two threads at once,
     * and the context's termination then waited forever for a close it had lost (a test run hung in {@code close}).
     */
    @Override
    public void close() {
        closed = true;
        Thread t = listener;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(3L * RECEIVE_TIMEOUT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        context.close();
    }
}
