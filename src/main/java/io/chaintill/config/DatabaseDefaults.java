package io.chaintill.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Lowest-priority defaults for the database keys. They depend on other settings (the H2 file lives in
 * {@code chaintill.data.dir}; the driver follows the JDBC URL), which a static properties file cannot express,
 * so an operator only ever sets the URL, user and password.
 */
public class DatabaseDefaults implements ConfigSource {
    static final String URL = "chaintill.db.url";
    static final String DRIVER = "chaintill.db.datasource-class";
    static final String USER = "chaintill.db.user";
    static final String PASSWORD = "chaintill.db.password";
    static final String DATA_DIR = "chaintill.data.dir";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(URL, DRIVER, USER, PASSWORD);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(URL, getValue(URL), DRIVER, getValue(DRIVER), USER, getValue(USER), PASSWORD, getValue(PASSWORD));
    }

    @Override
    public String getValue(String name) {
        return switch (name) {
            case URL -> h2Url();
            case DRIVER -> dataSourceClassFor(explicit(URL, h2Url()));
            case USER -> "chaintill";
            case PASSWORD -> "chaintill";
            default -> null;
        };
    }

    @Override
    public String getName() {
        return "chaintill-database-defaults";
    }

    @Override
    public int getOrdinal() {
        return 10;
    }

    static String dataSourceClassFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.ds.PGSimpleDataSource";
        }
        return "org.h2.jdbcx.JdbcDataSource";
    }

    private static String h2Url() {
        Path dir = Path.of(explicit(DATA_DIR, "./data")).toAbsolutePath().normalize();
        // LOCK_TIMEOUT: concurrent invoice creations queue on the address counter row instead of failing after H2's 1 s default.
        // WRITE_DELAY=0: H2 otherwise writes commits to its file up to 500 ms later, and a killed process (SIGKILL,
        // OOM killer) loses transactions it already reported committed: invoices and their webhook events.
        return "jdbc:h2:file:" + dir.resolve("chaintill") + ";LOCK_TIMEOUT=20000;WRITE_DELAY=0";
    }

    /** Reads a key the way MicroProfile Config would from -D or the environment, before Config exists. */
    private static String explicit(String key, String fallback) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            v = System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
