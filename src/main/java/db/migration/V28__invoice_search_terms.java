package db.migration;

import io.chaintill.domain.invoice.SearchTerms;
import io.chaintill.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The text search becomes a prefix search over each invoice's terms ({@link SearchTerms}), one row per term, in a
 * B-tree index both databases scan as a range for a prefix (InvoicePageSql). It replaces {@code invoice.search_text}, a
 * substring search that H2 could only answer by reading every invoice of the store (620 ms at 100,000) and
 * PostgreSQL through a trigram index that still took 54 ms (docs/performance.md, session 12). On PostgreSQL the
 * terms have the "C" collation, whatever the database's, so that their order is the code points' on both databases.
 * Existing invoices get their terms from their metadata and the words of their old search text.
 */
public class V28__invoice_search_terms extends BaseJavaMigration {
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement s = c.createStatement()) {
            // ordered by code point on both: PostgreSQL's "C" collation, H2's own order (InvoicePageSql.pastPrefix)
            s.execute("CREATE TABLE invoice_search_term (invoice_id VARCHAR(40) NOT NULL REFERENCES invoice (id),"
                    + " term VARCHAR(" + SearchTerms.MAX_LENGTH + ")" + (postgres ? " COLLATE \"C\"" : "")
                    + " NOT NULL, PRIMARY KEY (invoice_id, term))");
            s.execute("CREATE INDEX ix_invoice_search_term ON invoice_search_term (term)");
        }
        copyTerms(c);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE invoice DROP COLUMN search_text"); // and with it V25's trigram index
        }
    }

    private static void copyTerms(Connection c) throws SQLException {
        try (Statement read = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO invoice_search_term (invoice_id, term) VALUES (?, ?)")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = read.executeQuery("SELECT id, metadata_json, search_text FROM invoice")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    for (String term : SearchTerms.of(id, values(rs.getString(2), rs.getString(3)))) {
                        insert.setString(1, id);
                        insert.setString(2, term);
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static List<String> values(String metadataJson, String searchText) {
        List<String> values = new ArrayList<>();
        try (JsonReader r = Json.createReader(new StringReader(metadataJson == null ? "{}" : metadataJson))) {
            JsonObject metadata = r.readObject();
            for (JsonValue v : metadata.values()) {
                if (v instanceof JsonString s) {
                    values.add(s.getString());
                } else if (v instanceof JsonNumber n) {
                    values.add(n.toString());
                }
            }
        } catch (JsonException | IllegalStateException e) {
            // the server wrote it, so it is an object; the words below still make the invoice findable
        }
        if (searchText != null) {
            values.addAll(Arrays.asList(searchText.split(" "))); // the additional search terms were only stored here
        }
        return values;
    }
}
