package io.chaintill.bench;

import io.chaintill.support.BitcoindRegtest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of one kind for a benchmark: the settings that point a server process at a fresh database, and the
 * same kind of database for the benchmark's own JDBC limit (a second H2 file, or a second database on the same
 * PostgreSQL server), both with the server's URL options and schema.
 */
abstract class BenchDatabase implements AutoCloseable {
    /** {@code -Dbench.databases=h2,postgres} (the default: both). */
    static List<String> kinds() {
        return List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
    }

    /** One run of a benchmark on a fresh database of every kind, as "h2: ... postgres: ...". */
    interface Run {
        String on(BenchDatabase db) throws Exception;
    }

    static String onEveryKind(Run run) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String kind : kinds()) {
            try (BenchDatabase db = open(kind)) {
                out.append(db.name()).append(": ").append(run.on(db)).append(' ');
            }
        }
        return out.toString().trim();
    }

    static BenchDatabase open(String kind) throws Exception {
        return switch (kind.trim()) {
            case "h2" -> new H2();
            case "postgres" -> new Postgres();
            default -> throw new IllegalArgumentException("bench.databases: h2 or postgres, not " + kind);
        };
    }

    abstract String name();

    /** The environment that gives a server process the database "server". */
    abstract Map<String, String> serverEnv() throws IOException;

    /** {@link #serverEnv()} with a fixed BTC rate, so invoices are priced without a rate source. */
    Map<String, String> serverEnvWithFixedRates() throws IOException {
        Map<String, String> env = new java.util.HashMap<>(serverEnv());
        env.putAll(Map.of("CHAINTILL_RATES_PROVIDERS", "fixed", "CHAINTILL_RATES_FIXED", "BTC_USD:50000"));
        return env;
    }

    /**
     * A data source on database {@code db}: "server" is the server's own (on H2 only while the server is stopped:
     * H2 locks its file), anything else a fresh one.
     */
    abstract DataSource dataSource(String db) throws Exception;

    /** The SQL expression of the next invoice event id. */
    abstract String nextEventId();

    boolean postgres() {
        return false;
    }

    @Override
    public void close() throws Exception {
    }

    private static final class H2 extends BenchDatabase {
        private final java.nio.file.Path dir = BenchFiles.temporaryDirectory("chaintill-bench");

        H2() throws IOException {
        }

        @Override
        String name() {
            return "H2";
        }

        @Override
        Map<String, String> serverEnv() {
            return Map.of("CHAINTILL_DATA_DIR", dir.resolve("server").toString());
        }

        @Override
        DataSource dataSource(String db) {
            // the server's file is named chaintill in its data folder (DatabaseDefaults); the same URL options
            String file = "server".equals(db) ? dir.resolve("server").resolve("chaintill").toString() : dir.resolve(db).toString();
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:file:" + file + ";LOCK_TIMEOUT=20000;WRITE_DELAY=0");
            ds.setUser("chaintill");
            ds.setPassword("chaintill");
            return ds;
        }

        @Override
        String nextEventId() {
            return "NEXT VALUE FOR invoice_event_seq";
        }
    }

    private static final class Postgres extends BenchDatabase {
        private final EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(BitcoindRegtest.freePort())
                .setCleanDataDirectory(true).start();

        Postgres() throws IOException, SQLException {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE server");
            }
        }

        @Override
        String name() {
            return "PostgreSQL";
        }

        @Override
        Map<String, String> serverEnv() throws IOException {
            return Map.of("CHAINTILL_DATA_DIR", BenchFiles.temporaryDirectory("chaintill-bench").toString(),
                    "CHAINTILL_DB_URL", url("server") + System.getProperty("bench.pg.url-suffix", ""), "CHAINTILL_DB_USER", "postgres", "CHAINTILL_DB_PASSWORD", "postgres");
        }

        @Override
        DataSource dataSource(String db) throws SQLException {
            if (!"server".equals(db)) {
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + db);
                }
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url(db));
            ds.setUser("postgres");
            ds.setPassword("postgres");
            return ds;
        }

        private String url(String db) {
            return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + db;
        }

        @Override
        String nextEventId() {
            return "nextval('invoice_event_seq')";
        }

        @Override
        boolean postgres() {
            return true;
        }

        @Override
        public void close() throws IOException {
            pg.close();
        }
    }
}
