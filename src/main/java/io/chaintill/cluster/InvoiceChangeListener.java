package io.chaintill.cluster;

import io.chaintill.domain.invoice.InvoiceChanged;
import io.chaintill.persistence.UnpooledConnections;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Hears the other nodes' invoice changes ({@link InvoiceChangePublisher}) on a connection of its own, outside the
 * pool (a LISTEN belongs to one session, which the pool would recycle), and fires each locally as
 * {@link InvoiceChanged} with {@code fromOtherNode = true}. A lost connection is opened again after a pause;
 * changes sent meanwhile are missed, which live streams survive because they reread the invoice on reconnect.
 */
@ApplicationScoped
public class InvoiceChangeListener {
    private static final Logger LOG = Logger.getLogger(InvoiceChangeListener.class.getName());
    private static final int WAIT_MS = 1000;
    private static final long RECONNECT_SECONDS = 2;

    @Inject
    ClusterSettings settings;
    @Inject
    Event<InvoiceChanged> changes;
    @Resource
    ManagedScheduledExecutorService executor;
    @Inject
    UnpooledConnections unpooled;

    private volatile boolean closed;
    private volatile Connection connection;
    private volatile long received;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (settings.enabled()) {
            executor.execute(this::listen);
        }
    }

    /** Messages from other nodes so far (for tests and the logs). */
    public long received() {
        return received;
    }

    private void listen() {
        try (Connection c = open()) {
            connection = c;
            LOG.info("node " + settings.nodeId() + " listens for other nodes' invoice changes");
            PGConnection pg = c.unwrap(PGConnection.class);
            while (!closed) {
                PGNotification[] batch = pg.getNotifications(WAIT_MS);
                if (batch != null) {
                    for (PGNotification n : batch) {
                        deliver(n.getParameter());
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!closed) {
                LOG.warning("invoice change relay lost its database connection (" + e.getMessage() + "); retrying in "
                        + RECONNECT_SECONDS + " s");
            }
        } finally {
            connection = null;
        }
        if (!closed) {
            executor.schedule(this::listen, RECONNECT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Connection open() throws SQLException {
        PGSimpleDataSource ds = unpooled.dataSource();
        ds.setApplicationName("chaintill-relay-" + settings.nodeId());
        ds.setTcpKeepAlive(true);
        Connection c = ds.getConnection();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + InvoiceChangePublisher.CHANNEL);
        }
        return c;
    }

    private void deliver(String payload) {
        Optional<RelayMessage> message = RelayMessage.parse(payload);
        if (message.isEmpty() || message.get().origin().equals(settings.nodeId())) {
            return;
        }
        received++;
        try {
            changes.fire(message.get().relayed());
        } catch (RuntimeException e) {
            LOG.warning("an observer failed on relayed change of invoice " + message.get().invoiceId() + ": "
                    + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
